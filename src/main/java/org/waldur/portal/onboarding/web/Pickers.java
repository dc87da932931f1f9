package org.waldur.portal.onboarding.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;
import org.waldur.portal.config.PortalProperties;
import org.waldur.portal.waldur.Customer;
import org.waldur.portal.waldur.MarketplaceCategory;
import org.waldur.portal.waldur.WaldurClient;
import org.waldur.portal.waldur.WaldurCredential;
import org.waldur.portal.waldur.WaldurException;
import org.waldur.portal.waldur.WaldurPage;
import org.waldur.portal.waldur.WaldurUnavailableException;
import org.waldur.portal.waldur.WaldurUuid;

import org.springframework.stereotype.Component;

/**
 * Fills the organisation and category pickers of the offering step from Waldur and checks
 * that a submitted choice exists there. The lists, per search text, are reused for
 * {@code portal.waldur.list-cache-time}: every viewer sees the same ones (read with the
 * staff token), and a page load then needs no Waldur call. Checking a choice always asks
 * Waldur.
 */
@Component
class Pickers {

	static final int PAGE_SIZE = 50;

	/** Lists kept at most: the unfiltered ones and recent searches. */
	private static final int CACHED_LISTS = 200;

	private final WaldurClient waldur;

	private final Cache<Search, Found> lists;

	/**
	 * Lists that Waldur failed to give (no answer in time, unreachable), remembered for
	 * {@link #FAILURE_MEMORY} so that while Waldur is down or slow one page load waits
	 * for it and the others say so at once.
	 */
	private final Cache<Search, WaldurUnavailableException> failures;

	/** How long a failed list read is remembered, at most the list cache time. */
	static final Duration FAILURE_MEMORY = Duration.ofSeconds(5);

	Pickers(WaldurClient waldur, PortalProperties properties) {
		this.waldur = waldur;
		this.lists = Caffeine.newBuilder()
			.expireAfterWrite(properties.waldur().listCacheTime())
			.maximumSize(CACHED_LISTS)
			.build();
		Duration failureMemory = (properties.waldur().listCacheTime().compareTo(FAILURE_MEMORY) < 0)
				? properties.waldur().listCacheTime() : FAILURE_MEMORY;
		this.failures = Caffeine.newBuilder().expireAfterWrite(failureMemory).maximumSize(CACHED_LISTS).build();
	}

	/** The options of both pickers; when Waldur is unreachable, a message instead. */
	Options options(@Nullable String customerQuery, @Nullable String categoryQuery, @Nullable Choice customer,
			@Nullable Choice category) {
		try {
			List<Choice> customers = customers(customerQuery).items();
			List<Choice> categories = categories(categoryQuery).items();
			return new Options(withSelected(customers, customer), withSelected(categories, category), null);
		}
		catch (WaldurException ex) {
			return new Options(withSelected(List.of(), customer), withSelected(List.of(), category),
					"The lists of organisations and categories could not be loaded from Waldur: " + ex.getMessage());
		}
	}

	Optional<Choice> customer(String uuid) {
		return loadCustomers(uuid).items().stream().filter((choice) -> sameUuid(choice.uuid(), uuid)).findFirst();
	}

	Optional<Choice> category(String uuid) {
		int page = 1;
		while (true) {
			WaldurPage<MarketplaceCategory> found = this.waldur.categories(WaldurCredential.staff(), null, page, 300)
				.value();
			Optional<Choice> match = found.items()
				.stream()
				.filter((category) -> sameUuid(category.uuid(), uuid))
				.map(Pickers::choice)
				.findFirst();
			if (match.isPresent() || !found.hasNext() || page >= 10) {
				return match;
			}
			page++;
		}
	}

	private Found customers(@Nullable String query) {
		return cached(new Search(Picker.CUSTOMERS, blankToNull(query)), this::loadCustomers);
	}

	private Found categories(@Nullable String query) {
		return cached(new Search(Picker.CATEGORIES, blankToNull(query)), this::loadCategories);
	}

	/**
	 * The cached list, or the one read now. Concurrent misses each read (up to the
	 * client's limit) rather than wait in line behind one slow read; a read that failed
	 * because Waldur did not answer is not tried again for {@link #FAILURE_MEMORY}.
	 */
	private Found cached(Search search, Function<@Nullable String, Found> load) {
		Found found = this.lists.getIfPresent(search);
		if (found != null) {
			return found;
		}
		WaldurUnavailableException failed = this.failures.getIfPresent(search);
		if (failed != null) {
			throw failed;
		}
		try {
			found = load.apply(search.query());
		}
		catch (WaldurUnavailableException ex) {
			this.failures.put(search, ex);
			throw ex;
		}
		this.lists.put(search, found);
		this.failures.invalidate(search);
		return found;
	}

	private Found loadCustomers(@Nullable String query) {
		WaldurPage<Customer> page = this.waldur.customers(WaldurCredential.staff(), blankToNull(query), 1, PAGE_SIZE)
			.value();
		return new Found(page.items().stream().map(Pickers::choice).toList(), page.total());
	}

	private Found loadCategories(@Nullable String query) {
		WaldurPage<MarketplaceCategory> page = this.waldur
			.categories(WaldurCredential.staff(), blankToNull(query), 1, PAGE_SIZE)
			.value();
		return new Found(page.items().stream().map(Pickers::choice).toList(), page.total());
	}

	private static List<Choice> withSelected(List<Choice> choices, @Nullable Choice selected) {
		if (selected == null || choices.stream().anyMatch((choice) -> sameUuid(choice.uuid(), selected.uuid()))) {
			return choices;
		}
		List<Choice> all = new ArrayList<>(choices);
		all.add(0, selected);
		return all;
	}

	/**
	 * An organisation, labelled with whether it is a service provider (the offering step
	 * needs one) and whether Waldur blocked it.
	 */
	private static Choice choice(Customer customer) {
		String name = Objects.requireNonNullElse(customer.name(), customer.uuid());
		String provider = (customer.isServiceProvider() == null) ? ""
				: customer.isServiceProvider() ? " (service provider)" : " (not a service provider yet)";
		String blocked = customer.unavailable() ? " (blocked or archived)" : "";
		return new Choice(customer.uuid(), customer.url(), name + provider + blocked, name);
	}

	private static Choice choice(MarketplaceCategory category) {
		return new Choice(category.uuid(), category.url(),
				Objects.requireNonNullElse(category.title(), category.uuid()));
	}

	static boolean sameUuid(String a, String b) {
		return WaldurUuid.same(a, b);
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	/**
	 * One option of a picker.
	 *
	 * @param uuid Waldur UUID
	 * @param url Waldur hyperlink
	 * @param label what the user sees
	 * @param name the plain name, as stored with the onboarding
	 */
	public record Choice(String uuid, String url, String label, String name) {

		Choice(String uuid, String url, String label) {
			this(uuid, url, label, label);
		}

	}

	/**
	 * The options of both pickers.
	 *
	 * @param customers organisations
	 * @param categories marketplace categories
	 * @param problem why the lists are empty, if Waldur could not be reached
	 */
	public record Options(List<Choice> customers, List<Choice> categories, @Nullable String problem) {
	}

	private record Found(List<Choice> items, long total) {
	}

	private enum Picker {

		CUSTOMERS, CATEGORIES

	}

	private record Search(Picker picker, @Nullable String query) {
	}

}
