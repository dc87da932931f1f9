package org.waldur.portal.audit.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.waldur.portal.audit.AuditAction;
import org.waldur.portal.audit.AuditEntry;
import org.waldur.portal.audit.AuditFilter;
import org.waldur.portal.audit.AuditLog;
import org.waldur.portal.audit.AuditOutcome;
import org.waldur.portal.audit.AuditRecord;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Exports the filtered audit entries as CSV or JSON lines, streamed from a database
 * cursor in constant memory. Each export is itself audited.
 */
@Controller
@RequestMapping("/audit")
class AuditExportController {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss")
		.withZone(ZoneOffset.UTC);

	private final AuditLog log;

	private final Clock clock;

	AuditExportController(AuditLog log, Clock clock) {
		this.log = log;
		this.clock = clock;
	}

	@GetMapping("/export.csv")
	ResponseEntity<StreamingResponseBody> csv(@ModelAttribute("filter") AuditSearchForm form) {
		return export(form, "csv", new MediaType("text", "csv", StandardCharsets.UTF_8), AuditCsv.HEADER,
				AuditCsv::row);
	}

	@GetMapping("/export.jsonl")
	ResponseEntity<StreamingResponseBody> jsonLines(@ModelAttribute("filter") AuditSearchForm form) {
		return export(form, "jsonl", new MediaType("application", "jsonl", StandardCharsets.UTF_8), null,
				AuditJsonLines::row);
	}

	private ResponseEntity<StreamingResponseBody> export(AuditSearchForm form, String extension, MediaType type,
			@Nullable String header, Function<AuditEntry, String> format) {
		if (!form.dateErrors().isEmpty()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, String.join("; ", form.dateErrors().values()));
		}
		AuditFilter filter = form.toFilter();
		this.log.record(new AuditRecord(AuditAction.AUDIT_EXPORTED, AuditOutcome.SUCCESS, null, "audit_log", null,
				form.session(),
				"Exported as " + extension.toUpperCase(java.util.Locale.ROOT) + " (" + form.describe() + ")"));
		StreamingResponseBody body = (out) -> write(out, header, filter, format);
		String name = "audit-" + STAMP.format(this.clock.instant()) + "." + extension;
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(body);
	}

	private void write(OutputStream out, @Nullable String header, AuditFilter filter,
			Function<AuditEntry, String> format) throws IOException {
		Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
		if (header != null) {
			writer.write(header);
		}
		try {
			this.log.stream(filter, (entry) -> {
				try {
					writer.write(format.apply(entry));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		writer.flush();
	}

}
