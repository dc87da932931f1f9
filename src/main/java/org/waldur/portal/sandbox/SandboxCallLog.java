package org.waldur.portal.sandbox;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.waldur.portal.config.ConditionalOnSandboxMode;

import org.springframework.stereotype.Component;

/**
 * The calls the sandbox API received since start-up (method, path and what happened), so
 * that drills can count how often Waldur was called. Holds no headers or bodies, so no
 * secret. In memory only and bounded: only calls with a token the sandbox issued are kept
 * (anonymous requests cannot fill it), each path is cut to {@value #MAX_PATH} characters,
 * and the oldest calls go once there are more than {@value #CAPACITY} or their paths hold
 * more than {@value #MAX_PATH_CHARS} characters.
 */
@Component
@ConditionalOnSandboxMode
public class SandboxCallLog {

	static final int CAPACITY = 20_000;

	/** Longest path kept; longer ones are cut and end with {@code ...}. */
	static final int MAX_PATH = 256;

	/** Characters of path the log keeps at most, over all its calls. */
	static final long MAX_PATH_CHARS = 2_000_000;

	private final Deque<Call> calls = new ArrayDeque<>();

	private long pathChars;

	private long sequence;

	/** Paths of the calls a delay fault holds right now, before they are applied. */
	private final List<String> held = new ArrayList<>();

	/**
	 * Keeps a call made with a token the sandbox issued ({@code authenticated}); forgets
	 * any other.
	 */
	synchronized void record(boolean authenticated, String method, String path, boolean applied, int status,
			@Nullable FaultKind fault) {
		if (!authenticated) {
			return;
		}
		String kept = cut(path);
		while (!this.calls.isEmpty()
				&& (this.calls.size() >= CAPACITY || this.pathChars + kept.length() > MAX_PATH_CHARS)) {
			this.pathChars -= this.calls.removeFirst().path().length();
		}
		this.calls.addLast(new Call(++this.sequence, cut(method), kept, applied, status, fault));
		this.pathChars += kept.length();
	}

	/** Calls kept now. */
	synchronized int size() {
		return this.calls.size();
	}

	/** Characters of path kept now, over all calls. */
	synchronized long pathChars() {
		return this.pathChars;
	}

	private static String cut(String text) {
		return (text.length() <= MAX_PATH) ? text : text.substring(0, MAX_PATH - 3) + "...";
	}

	/** A delayed call arrived and is held before it is applied. */
	synchronized void hold(String path) {
		this.held.add(cut(path));
	}

	/** A held call goes on to be applied. */
	synchronized void release(String path) {
		this.held.remove(cut(path));
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
