package org.waldur.portal.crypto;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretBoxTests {

	private final SecretBox box = new SecretBox(key((byte) 1));

	@Test
	void roundTripsAndNeverRepeatsCiphertext() {
		String first = this.box.encrypt("668bf4c77f81edcb2de181d72df40bf7b4e2a6c2", "session:1:token");
		String second = this.box.encrypt("668bf4c77f81edcb2de181d72df40bf7b4e2a6c2", "session:1:token");
		assertThat(first).startsWith("v1:").doesNotContain("668bf4c7").isNotEqualTo(second);
		assertThat(this.box.decrypt(first, "session:1:token")).isEqualTo("668bf4c77f81edcb2de181d72df40bf7b4e2a6c2");
	}

	@Test
	void refusesAnotherPurposeAnotherKeyOrTampering() {
		String sealed = this.box.encrypt("secret", "session:1:token");
		assertThatThrownBy(() -> this.box.decrypt(sealed, "session:2:token"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new SecretBox(key((byte) 2)).decrypt(sealed, "session:1:token"))
			.isInstanceOf(IllegalArgumentException.class);
		char[] chars = sealed.toCharArray();
		chars[10] = (chars[10] == 'A') ? 'B' : 'A';
		assertThatThrownBy(() -> this.box.decrypt(new String(chars), "session:1:token"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(this.box.toString()).doesNotContain("AQEB");
	}

	private static byte[] key(byte value) {
		byte[] key = new byte[32];
		Arrays.fill(key, value);
		return key;
	}

}
