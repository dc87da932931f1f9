package org.waldur.portal.waldur;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link WaldurUuid}: one form whichever way Waldur or a person wrote the UUID.
 */
class WaldurUuidTests {

	private static final String HEX = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";

	private static final String DASHED = "0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9";

	@Test
	void readsBothFormsInAnyCase() {
		assertThat(WaldurUuid.of(HEX).hex()).isEqualTo(HEX);
		assertThat(WaldurUuid.of(DASHED)).isEqualTo(WaldurUuid.of(HEX));
		assertThat(WaldurUuid.of(DASHED.toUpperCase())).isEqualTo(WaldurUuid.of(HEX));
		assertThat(WaldurUuid.of(HEX)).hasToString(HEX);
	}

	@Test
	void writesTheDashedFormForRequestBodies() {
		assertThat(WaldurUuid.of(HEX.toUpperCase()).dashed()).isEqualTo(DASHED);
	}

	@Test
	void refusesWhatIsNoUuid() {
		for (String text : new String[] { "../users", "", HEX.substring(1), HEX + "0", "0a1b2c3d-4e5f-6071-8293",
				"zz1b2c3d4e5f60718293a4b5c6d7e8f9", " " + HEX }) {
			assertThat(WaldurUuid.parse(text)).as(text).isEmpty();
			assertThatIllegalArgumentException().as(text).isThrownBy(() -> WaldurUuid.of(text));
			assertThatIllegalArgumentException().as(text).isThrownBy(() -> WaldurUuid.require(text));
		}
		assertThat(WaldurUuid.parse(null)).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> new WaldurUuid(DASHED));
		assertThatIllegalArgumentException().isThrownBy(() -> new WaldurUuid(HEX.toUpperCase()));
	}

	@Test
	void requireKeepsTheTextAsWritten() {
		assertThat(WaldurUuid.require(DASHED.toUpperCase())).isEqualTo(DASHED.toUpperCase());
	}

	@Test
	void comparesAcrossForms() {
		assertThat(WaldurUuid.same(DASHED.toUpperCase(), HEX)).isTrue();
		assertThat(WaldurUuid.same(HEX, HEX.replace('f', '0'))).isFalse();
		assertThat(WaldurUuid.same(null, HEX)).isFalse();
		assertThat(WaldurUuid.same("agent-" + HEX, "Agent-" + DASHED)).isTrue();
	}

}
