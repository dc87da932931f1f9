package org.waldur.portal.audit.web;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.waldur.portal.audit.AuditAction;
import org.waldur.portal.audit.AuditCheckpoint;
import org.waldur.portal.audit.AuditCursor;
import org.waldur.portal.audit.AuditLog;
import org.waldur.portal.audit.AuditOutcome;
import org.waldur.portal.audit.AuditPage;
import org.waldur.portal.audit.IntegrityReport;
import org.waldur.portal.audit.SessionTrail;
import org.waldur.portal.audit.SessionTrails;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The auditors' pages: search with keyset paging, the trail of one session, and the
 * integrity check, optionally against an exported checkpoint of the chain's head.
 * Read-only; restricted to AUDITOR and ADMIN by the security chain.
 */
@Controller
@RequestMapping("/audit")
class AuditController {

	private final AuditLog log;

	private final SessionTrails trails;

	AuditController(AuditLog log, SessionTrails trails) {
		this.log = log;
		this.trails = trails;
	}

	@GetMapping
	String search(@ModelAttribute("filter") AuditSearchForm form, Model model, HttpServletResponse response) {
		if (!form.dateErrors().isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		}
		model.addAttribute("dateErrors", form.dateErrors());
		AuditPage page = this.log.search(form.toFilter(), AuditCursor.parse(form.before()),
				AuditCursor.parse(form.after()));
		String base = form.href("/audit");
		String separator = base.contains("?") ? "&" : "?";
		model.addAttribute("section", "audit");
		model.addAttribute("page", page);
		model.addAttribute("actions", AuditAction.values());
		model.addAttribute("outcomes", AuditOutcome.values());
		model.addAttribute("newerHref", (page.newer() != null) ? base + separator + "after=" + page.newer() : null);
		model.addAttribute("olderHref", (page.older() != null) ? base + separator + "before=" + page.older() : null);
		model.addAttribute("csvHref", form.href("/audit/export.csv"));
		model.addAttribute("jsonlHref", form.href("/audit/export.jsonl"));
		return "audit/search";
	}

	@GetMapping("/sessions/{id}")
	String session(@PathVariable long id, Model model) {
		SessionTrail trail = this.trails.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Nothing recorded for this session"));
		model.addAttribute("section", "audit");
		model.addAttribute("trail", trail);
		return "audit/session";
	}

	@PostMapping("/verify")
	String verify(@RequestParam(name = "checkpoint", required = false) @Nullable String checkpoint,
			RedirectAttributes redirect) {
		IntegrityReport report = this.log.verify(checkpoint);
		redirect.addFlashAttribute("integrity", report);
		redirect.addFlashAttribute(report.intact() ? "flashSuccess" : "flashError",
				"Audit log integrity " + report.summary() + ".");
		return "redirect:/audit";
	}

	/**
	 * A signed checkpoint of the chain's head, as a one-line text file to keep elsewhere.
	 */
	@PostMapping("/checkpoint")
	ResponseEntity<String> checkpoint() {
		AuditCheckpoint checkpoint = this.log.checkpoint();
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("audit-checkpoint-" + checkpoint.entryId() + ".txt")
						.build()
						.toString())
			.contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
			.body(checkpoint.line() + "\n");
	}

}
