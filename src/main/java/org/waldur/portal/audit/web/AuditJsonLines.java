package org.waldur.portal.audit.web;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import org.waldur.portal.audit.AuditEntry;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON lines of audit entries: one object per line, fields in a fixed order.
 */
final class AuditJsonLines {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private AuditJsonLines() {
	}

	static String row(AuditEntry entry) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("id", entry.getId());
		row.put("occurred_at", DateTimeFormatter.ISO_INSTANT.format(entry.getOccurredAt()));
		row.put("actor", entry.getActor());
		row.put("action", entry.getAction().name());
		row.put("target_type", entry.getTargetType());
		row.put("target_id", entry.getTargetId());
		row.put("session_id", entry.getSessionId());
		row.put("outcome", entry.getOutcome().name());
		row.put("request_id", entry.getRequestId());
		row.put("client_ip", entry.getClientIp());
		row.put("detail", entry.getDetail());
		row.put("prev_hash", entry.getPrevHash());
		row.put("hash", entry.getHash());
		return JSON.writeValueAsString(row) + "\n";
	}

}
