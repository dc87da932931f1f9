package org.waldur.portal.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.waldur.portal.config.ConditionalOnSandboxMode;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Faults injected into the sandbox API, for tests and demonstrations. Each fault affects
 * the next calls that match its method and path pattern, counting down; the oldest
 * matching fault fires first. Faults live in memory only.
 */
@Component
@ConditionalOnSandboxMode
public class SandboxFaults {

	private static final Logger log = LoggerFactory.getLogger(SandboxFaults.class);

	private final List<Fault> faults = new ArrayList<>();

	private long nextId = 1;

	private final ApplicationEventPublisher events;

	SandboxFaults(ApplicationEventPublisher events) {
		this.events = events;
	}

	/** The next {@code times} matching calls fail with {@code status}, unapplied. */
	public Fault failWith(String method, String pathPattern, int status, int times) {
		return add(method, pathPattern, FaultKind.FAIL, status, Duration.ZERO, times);
	}

	/**
	 * The next {@code times} matching calls are applied and answered after {@code delay}.
	 */
	public Fault delay(String method, String pathPattern, Duration delay, int times) {
		return add(method, pathPattern, FaultKind.DELAY, 0, delay, times);
	}

	/** The next {@code times} matching calls get a dropped connection, unapplied. */
	public Fault dropConnection(String method, String pathPattern, int times) {
		return add(method, pathPattern, FaultKind.DROP, 0, Duration.ZERO, times);
	}

	/**
	 * The next {@code times} matching calls are applied, then answered with
	 * {@code status}.
	 */
	public Fault applyThenFail(String method, String pathPattern, int status, int times) {
		return add(method, pathPattern, FaultKind.APPLY_THEN_FAIL, status, Duration.ZERO, times);
	}

	/** Adds a fault of any kind. */
	public synchronized Fault add(String method, String pathPattern, FaultKind kind, int status, Duration delay,
			int times) {
		Fault fault = new Fault(this.nextId++, method, pathPattern, kind, status, delay, times);
		this.faults.add(fault);
		log.info("Sandbox fault #{} added: {} {} {} x{}", fault.id(), kind, fault.method(), fault.pathPattern(), times);
		this.events.publishEvent(new SandboxFaultsChanged(fault, 0));
		return fault;
	}

	/** The faults that have calls left, oldest first. */
	public synchronized List<Fault> active() {
		return List.copyOf(this.faults);
	}

	/** Removes every fault. */
	public synchronized void clear() {
		int count = this.faults.size();
		this.faults.clear();
		log.info("Sandbox faults cleared");
		this.events.publishEvent(new SandboxFaultsChanged(null, count));
	}

	/** Consumes one call of the oldest fault matching the call, if any. */
	synchronized Optional<Fault> take(String method, String path) {
		for (int i = 0; i < this.faults.size(); i++) {
			Fault fault = this.faults.get(i);
			if (fault.matches(method, path)) {
				if (fault.remaining() > 1) {
					this.faults.set(i, fault.withRemaining(fault.remaining() - 1));
				}
				else {
					this.faults.remove(i);
				}
				log.warn("Sandbox fault #{} fired: {} on {} {} ({} left)", fault.id(), fault.kind(), method, path,
						fault.remaining() - 1);
				return Optional.of(fault);
			}
		}
		return Optional.empty();
	}

}
