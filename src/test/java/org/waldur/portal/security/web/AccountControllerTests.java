package org.waldur.portal.security.web;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.waldur.portal.security.AccountRejectedException;
import org.waldur.portal.security.ApiToken;
import org.waldur.portal.security.ApiTokens;
import org.waldur.portal.security.Role;
import org.waldur.portal.security.WebSlice;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The account page and its personal API tokens, as a slice: the token service mocked, the
 * portal's security rules real.
 */
@WebMvcTest(controllers = AccountController.class)
@Import(WebSlice.class)
class AccountControllerTests {

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private ApiTokens tokens;

	@Test
	void thePageListsTheAccountsRolesAndTokens() {
		given(this.tokens.of("ops")).willReturn(List.of());
		assertThat(this.mvc.get().uri("/account").with(user("ops").roles("OPERATOR"))).hasStatusOk()
			.hasViewName("account/tokens")
			.model()
			.containsEntry("username", "ops")
			.containsEntry("roles", Set.of(Role.OPERATOR))
			.containsEntry("tokens", List.of())
			.containsEntry("now", WebSlice.NOW)
			.containsKey("tokenForm");
	}

	@Test
	void anonymousVisitorsAreSentToSignIn() {
		assertThat(this.mvc.get().uri("/account")).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/login");
	}

	@Test
	void aTokenWithoutNameOrWithAnImpossibleLifetimeIsNotCreated() {
		assertThat(this.mvc.post()
			.uri("/account/tokens")
			.param("name", " ")
			.param("lifetimeDays", "0")
			.with(user("ops").roles("OPERATOR"))
			.with(csrf())).hasStatusOk()
			.hasViewName("account/tokens")
			.model()
			.extractingBindingResult("tokenForm")
			.hasFieldErrors("name", "lifetimeDays");
		verify(this.tokens, never()).create(any(), any(), any());
	}

	@Test
	void aNewTokenIsShownOnTheAnswerOnlyAndNotCached() {
		ApiTokens.Issued issued = new ApiTokens.Issued(mock(ApiToken.class), "wop_secret");
		given(this.tokens.create("ops", "CI", Duration.ofDays(30))).willReturn(issued);
		assertThat(this.mvc.post()
			.uri("/account/tokens")
			.param("name", "CI")
			.param("lifetimeDays", "30")
			.with(user("ops").roles("OPERATOR"))
			.with(csrf())).hasStatusOk()
			.hasViewName("account/tokens")
			.hasHeader("Cache-Control", "no-store")
			.model()
			.containsEntry("issued", issued);
	}

	@Test
	void aRefusedNewTokenIsExplainedAtItsField() {
		given(this.tokens.create("ops", "CI", Duration.ofDays(90)))
			.willThrow(new AccountRejectedException("name", "You already have a token named CI."));
		assertThat(this.mvc.post()
			.uri("/account/tokens")
			.param("name", "CI")
			.param("lifetimeDays", "90")
			.with(user("ops").roles("OPERATOR"))
			.with(csrf())).hasStatusOk()
			.model()
			.extractingBindingResult("tokenForm")
			.hasFieldErrorCode("name", "rejected");
	}

	@Test
	void aRevokedTokenIsConfirmed() {
		assertThat(this.mvc.post().uri("/account/tokens/5/revoke").with(user("ops").roles("OPERATOR")).with(csrf()))
			.hasStatus(HttpStatus.FOUND)
			.hasRedirectedUrl("/account")
			.flash()
			.containsEntry("flashSuccess", "Token revoked: calls with it are refused from now on.");
		verify(this.tokens).revoke("ops", 5);
	}

	@Test
	void aRefusedRevocationGoesBackToThePageWithItsReason() {
		willThrow(new AccountRejectedException("token", "No such token of yours.")).given(this.tokens).revoke("ops", 6);
		assertThat(this.mvc.post().uri("/account/tokens/6/revoke").with(user("ops").roles("OPERATOR")).with(csrf()))
			.hasStatus(HttpStatus.FOUND)
			.hasRedirectedUrl("/account")
			.flash()
			.containsEntry("flashError", "No such token of yours.");
	}

	@Test
	void aRevocationWithoutTheFormsCsrfTokenIsRefused() {
		assertThat(this.mvc.post().uri("/account/tokens/5/revoke").with(user("ops").roles("OPERATOR")))
			.hasStatus(HttpStatus.FORBIDDEN);
		verify(this.tokens, never()).revoke(any(), anyLong());
	}

}
