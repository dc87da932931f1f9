package org.waldur.portal.audit.web;

import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;
import org.waldur.portal.audit.AuditEntry;

/**
 * CSV (RFC 4180) rows of audit entries. Cells that a spreadsheet would read as a formula
 * (starting with {@code = + - @}, tab or carriage return) are prefixed with {@code '}.
 */
final class AuditCsv {

	static final String HEADER = "id,occurred_at,actor,action,target_type,target_id,session_id,outcome,"
			+ "request_id,client_ip,detail,prev_hash,hash\r\n";

	private AuditCsv() {
	}

	static String row(AuditEntry entry) {
		StringBuilder row = new StringBuilder(256);
		Object[] cells = { entry.getId(), DateTimeFormatter.ISO_INSTANT.format(entry.getOccurredAt()), entry.getActor(),
				entry.getAction(), entry.getTargetType(), entry.getTargetId(), entry.getSessionId(), entry.getOutcome(),
				entry.getRequestId(), entry.getClientIp(), entry.getDetail(), entry.getPrevHash(), entry.getHash() };
		for (int i = 0; i < cells.length; i++) {
			if (i > 0) {
				row.append(',');
			}
			row.append(cell(cells[i]));
		}
		return row.append("\r\n").toString();
	}

	static String cell(@Nullable Object value) {
		if (value == null) {
			return "";
		}
		String text = value.toString();
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
			text = '"' + text.replace("\"", "\"\"") + '"';
		}
		return text;
	}

}
