package org.waldur.portal.sandbox;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The admin page's form for a new fault.
 *
 * @param method HTTP method or {@code *}
 * @param pathPattern path pattern below the API root
 * @param kind what the fault does
 * @param status error status for failing kinds
 * @param delayMillis delay in milliseconds for {@link FaultKind#DELAY}
 * @param count how many matching calls it affects
 */
record FaultForm(@NotBlank @Pattern(regexp = "\\*|[A-Za-z]{3,7}") String method,
		@NotBlank @Size(max = 200) String pathPattern, @NotNull FaultKind kind,
		@Nullable @Min(400) @Max(599) Integer status, @Nullable @Min(0) @Max(600_000) Long delayMillis,
		@NotNull @Min(1) @Max(1000) Integer count) {

	static FaultForm defaults() {
		return new FaultForm("POST", "users/", FaultKind.FAIL, 500, 0L, 1);
	}

	Fault addTo(SandboxFaults faults) {
		int failureStatus = (this.status != null) ? this.status : 500;
		Duration delay = Duration.ofMillis((this.delayMillis != null) ? this.delayMillis : 0);
		return faults.add(this.method, this.pathPattern, this.kind, failureStatus, delay, this.count);
	}

}
