package org.waldur.portal.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Response times of one kind of request, in milliseconds.
 */
final class Timings {

	private final List<Double> millis = new ArrayList<>();

	void add(long nanos) {
		this.millis.add(nanos / 1_000_000.0);
	}

	int count() {
		return this.millis.size();
	}

	double percentile(double p) {
		List<Double> sorted = new ArrayList<>(this.millis);
		Collections.sort(sorted);
		int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
	}

	String row(String name) {
		return "| %s | %d | %.1f | %.1f | %.1f |".formatted(name, count(), percentile(50), percentile(95),
				percentile(100));
	}

}
