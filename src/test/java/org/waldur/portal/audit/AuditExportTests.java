package org.waldur.portal.audit;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * CSV and JSON-lines exports: the filtered entries, oldest first, with CSV injection
 * neutralised and proper quoting; every export is itself audited.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuditExportTests {

	private static final List<String> DETAILS = List.of("=SUM(A1:A9)", "+1 call", "-2 days", "@cmd",
			"plain, \"quoted\"", "ordinary detail");

	@Autowired
	MockMvc mvc;

	@Autowired
	AuditLog log;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void csvHoldsTheFilteredEntriesWithFormulasNeutralised() throws Exception {
		String actor = "=" + AuditTestSupport.uniqueActor("csv");
		List<AuditEntry> written = write(actor);
		String csv = export("/audit/export.csv", actor, "text/csv");
		String[] lines = csv.split("\r\n");
		assertThat(lines[0]).isEqualTo("id,occurred_at,actor,action,target_type,target_id,session_id,outcome,"
				+ "request_id,client_ip,detail,prev_hash,hash");
		assertThat(lines).hasSize(DETAILS.size() + 1);
		assertThat(lines[1]).startsWith(written.get(0).getId() + ",2035-05-05T05:05:00Z,'" + actor + ",SIGN_IN,")
			.contains(",'=SUM(A1:A9),")
			.endsWith("," + written.get(0).getPrevHash() + "," + written.get(0).getHash());
		assertThat(lines[2]).contains(",'+1 call,");
		assertThat(lines[3]).contains(",'-2 days,");
		assertThat(lines[4]).contains(",'@cmd,");
		assertThat(lines[5]).contains(",\"plain, \"\"quoted\"\"\",");
		assertThat(lines[6]).contains(",ordinary detail,");
		for (String line : lines) {
			for (String cell : line.split(",")) {
				assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@");
			}
		}
	}

	@Test
	void jsonLinesHoldOneObjectPerEntry() throws Exception {
		String actor = AuditTestSupport.uniqueActor("jsonl");
		List<AuditEntry> written = write(actor);
		String body = export("/audit/export.jsonl", actor, "application/jsonl");
		List<String> lines = body.lines().toList();
		assertThat(lines).hasSize(DETAILS.size());
		JsonMapper json = JsonMapper.builder().build();
		for (int i = 0; i < lines.size(); i++) {
			JsonNode node = json.readTree(lines.get(i));
			assertThat(node.get("id").asLong()).isEqualTo(written.get(i).getId());
			assertThat(node.get("actor").asString()).isEqualTo(actor);
			assertThat(node.get("detail").asString()).isEqualTo(DETAILS.get(i));
			assertThat(node.get("outcome").asString()).isEqualTo(written.get(i).getOutcome().name());
			assertThat(node.get("hash").asString()).isEqualTo(written.get(i).getHash());
			assertThat(node.get("session_id").isNull()).isTrue();
		}
	}

	@Test
	void anEmptySelectionExportsOnlyTheHeader() throws Exception {
		String csv = export("/audit/export.csv", AuditTestSupport.uniqueActor("nobody"), "text/csv");
		assertThat(csv.split("\r\n")).hasSize(1);
	}

	@Test
	void exportsAreAudited() throws Exception {
		String actor = AuditTestSupport.uniqueActor("audited");
		export("/audit/export.jsonl", actor, "application/jsonl");
		AuditEntry entry = this.log
			.search(new AuditFilter("exporter", AuditAction.AUDIT_EXPORTED, null, null, null, null), null, null)
			.entries()
			.get(0);
		assertThat(entry.getDetail()).isEqualTo("Exported as JSONL (actor=" + actor + ")");
		assertThat(entry.getRequestId()).isNotBlank();
	}

	@Test
	void streamingCountsEveryRowOfALargerSelection() {
		String actor = AuditTestSupport.uniqueActor("bulk");
		List<Instant> times = java.util.stream.IntStream.range(0, 2500)
			.mapToObj((i) -> Instant.parse("2036-01-01T00:00:00Z").plusMillis(i))
			.toList();
		AuditTestSupport.appendAll(this.log, this.transactions, actor, times);
		long[] last = { -1 };
		long count = this.log.stream(AuditFilter.byActor(actor), (entry) -> {
			assertThat(entry.getId()).isGreaterThan(last[0]);
			last[0] = entry.getId();
		});
		assertThat(count).isEqualTo(2500);
	}

	private List<AuditEntry> write(String actor) {
		Instant at = Instant.parse("2035-05-05T05:05:00Z");
		return this.transactions.execute((status) -> DETAILS.stream()
			.map((detail) -> this.log.append(new AuditRecord(AuditAction.SIGN_IN,
					detail.startsWith("-") ? AuditOutcome.FAILURE : AuditOutcome.SUCCESS, actor, "account", actor, null,
					detail), at))
			.toList());
	}

	private String export(String path, String actor, String type) throws Exception {
		MvcResult started = this.mvc.perform(get(path).param("actor", actor).with(user("exporter").roles("AUDITOR")))
			.andExpect(request().asyncStarted())
			.andReturn();
		return this.mvc.perform(asyncDispatch(started))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", startsWith(type)))
			.andExpect(header().string("Content-Disposition", containsString("attachment; filename=\"audit-")))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

}
