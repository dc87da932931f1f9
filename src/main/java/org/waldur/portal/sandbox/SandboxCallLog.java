package org.waldur.portal.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.waldur.portal.config.ConditionalOnSandboxMode;

import org.springframework.stereotype.Component;

/**
 * Every call the sandbox API received since start-up (method, path and what happened), so
 * that drills can count how often Waldur was called. Holds no headers or bodies, so no
 * secret. In memory only, bounded to the most recent {@value #CAPACITY} calls.
 */
@Component
@ConditionalOnSandboxMode
public class SandboxCallLog {

	static final int CAPACITY = 100_000;

	private final List<Call> calls = new ArrayList<>();

	private long sequence;

	/** Paths of the calls a delay fault holds right now, before they are applied. */
	private final List<String> held = new ArrayList<>();

	synchronized void record(String method, String path, boolean applied, int status, @Nullable FaultKind fault) {
		if (this.calls.size() >= CAPACITY) {
			this.calls.remove(0);
		}
		this.calls.add(new Call(++this.sequence, method, path, applied, status, fault));
	}

	/** A delayed call arrived and is held before it is applied. */
	synchronized void hold(String path) {
		this.held.add(path);
	}

	/** A held call goes on to be applied. */
	synchronized void release(String path) {
		this.held.remove(path);
	}

	/** How many calls to a path starting with {@code prefix} are held by a delay now. */
	public synchronized long heldNow(String prefix) {
		return this.held.stream().filter((path) -> path.startsWith(prefix)).count();
	}

	/** The sequence number of the latest call, {@code 0} before the first. */
	public synchronized long position() {
		return this.sequence;
	}

	/** The calls recorded after {@code position}, oldest first. */
	public synchronized List<Call> since(long position) {
		return this.calls.stream().filter((call) -> call.sequence() > position).toList();
	}

	/** How many calls after {@code position} match {@code filter}. */
	public long count(long position, Predicate<Call> filter) {
		return since(position).stream().filter(filter).count();
	}

	/**
	 * One call of the sandbox API.
	 *
	 * @param sequence position in the log, from 1
	 * @param method HTTP method
	 * @param path path below the API root
	 * @param applied whether the call reached the sandbox's state (a change was made if
	 * it was a successful change call)
	 * @param status the HTTP status answered, {@code 0} for a dropped connection
	 * @param fault the injected fault that affected the call, if any
	 */
	public record Call(long sequence, String method, String path, boolean applied, int status,
			@Nullable FaultKind fault) {

		/**
		 * Whether this call changed the sandbox: an applied POST, PUT, PATCH or DELETE.
		 */
		public boolean changed() {
			return this.applied && !"GET".equals(this.method) && !"HEAD".equals(this.method)
					&& (this.status < 400 || this.fault == FaultKind.APPLY_THEN_FAIL);
		}

	}

}
