package org.waldur.portal.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.waldur.portal.config.ConditionalOnSandboxMode;
import org.waldur.portal.waldur.WaldurUuid;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * {@code marketplace-site-agent-identities/} and
 * {@code marketplace-site-agent-services/}: what a site agent registers on start
 * (identity, one service per mode, processors) and the listings that tell whether it
 * runs. Visible to whoever sees the offering; changed only by staff, an owner of the
 * offering's organisation or an OFFERING.MANAGER of the offering (Waldur's
 * {@code _can_manage_offering_agent}); anyone else gets 403.
 */
@Component
@ConditionalOnSandboxMode
class AgentIdentitiesApi {

	static final String ACTIVE = "Active";

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final SandboxAgents agents;

	private final SandboxOfferings offerings;

	private final OfferingAccess access;

	private final Clock clock;

	AgentIdentitiesApi(SandboxAgents agents, SandboxOfferings offerings, OfferingAccess access, Clock clock) {
		this.agents = agents;
		this.offerings = offerings;
		this.access = access;
		this.clock = clock;
	}

	ApiResponse list(ApiRequest request) {
		String raw = request.param("offering_uuid");
		String offering = uuidParam(raw);
		if (raw != null && offering == null) {
			throw ApiException.field("offering_uuid", "Enter a valid UUID.");
		}
		String name = request.param("name");
		List<SandboxAgents.Identity> found = this.agents.identities()
			.stream()
			.filter((identity) -> offering == null || identity.offeringUuid().equals(offering))
			.filter((identity) -> name == null || identity.name().equals(name))
			.filter((identity) -> canSee(request.caller(), identity))
			.toList();
		return Pagination.page(request, found, (identity) -> identity(request.apiRoot(), identity));
	}

	ApiResponse retrieve(ApiRequest request) {
		return ApiResponse.ok(identity(request.apiRoot(), visibleIdentity(request)));
	}

	ApiResponse create(ApiRequest request) {
		Input input = read(request);
		requireManage(request.caller(), input.offering());
		Instant now = this.clock.instant();
		SandboxAgents.Identity identity = new SandboxAgents.Identity(Ids.uuid(), input.offering().uuid(), input.name(),
				input.version(), input.dependencies(), (input.lastRestarted() != null) ? input.lastRestarted() : now,
				request.caller().uuid(), now, now);
		this.agents.saveIdentity(identity, true);
		return ApiResponse.created(identity(request.apiRoot(), identity));
	}

	ApiResponse update(ApiRequest request) {
		SandboxAgents.Identity current = visibleIdentity(request);
		requireManage(request.caller(), offeringOf(current));
		Input input = read(request);
		requireManage(request.caller(), input.offering());
		SandboxAgents.Identity identity = new SandboxAgents.Identity(current.uuid(), input.offering().uuid(),
				input.name(), input.version(), input.dependencies(),
				(input.lastRestarted() != null) ? input.lastRestarted() : current.lastRestarted(), current.createdBy(),
				current.created(), this.clock.instant());
		this.agents.saveIdentity(identity, false);
		return ApiResponse.ok(identity(request.apiRoot(), identity));
	}

	ApiResponse registerService(ApiRequest request) {
		SandboxAgents.Identity identity = visibleIdentity(request);
		requireManage(request.caller(), offeringOf(identity));
		FieldReader reader = new FieldReader(request.object());
		String name = reader.text("name", true, 150, false, null);
		String mode = nullableText(reader, "mode", 100);
		if (reader.hasErrors()) {
			throw ApiException.badRequest(reader.errors());
		}
		Instant now = this.clock.instant();
		Optional<SandboxAgents.Service> existing = this.agents.serviceNamed(identity.uuid(), name);
		SandboxAgents.Service service = new SandboxAgents.Service(
				existing.map(SandboxAgents.Service::uuid).orElseGet(Ids::uuid), identity.uuid(), name, mode, ACTIVE,
				existing.map(SandboxAgents.Service::created).orElse(now), now);
		this.agents.saveService(service, existing.isEmpty());
		ObjectNode body = service(request.apiRoot(), service, identity);
		return existing.isPresent() ? ApiResponse.ok(body) : ApiResponse.created(body);
	}

	ApiResponse services(ApiRequest request) {
		String raw = request.param("identity_uuid");
		String identityUuid = uuidParam(raw);
		if (raw != null && identityUuid == null) {
			throw ApiException.field("identity_uuid", "Enter a valid UUID.");
		}
		List<ObjectNode> found = this.agents.identities()
			.stream()
			.filter((identity) -> identityUuid == null || identity.uuid().equals(identityUuid))
			.filter((identity) -> canSee(request.caller(), identity))
			.flatMap((identity) -> this.agents.services(identity.uuid())
				.stream()
				.map((service) -> service(request.apiRoot(), service, identity)))
			.toList();
		return Pagination.page(request, found, (node) -> node);
	}

	ApiResponse registerProcessor(ApiRequest request) {
		String uuid = canonical(request.variable("uuid"));
		SandboxAgents.Service service = this.agents.service(uuid)
			.orElseThrow(() -> ApiException.notFound("AgentService"));
		SandboxAgents.Identity identity = this.agents.identity(service.identityUuid()).orElseThrow();
		if (!canSee(request.caller(), identity)) {
			throw ApiException.notFound("AgentService");
		}
		requireManage(request.caller(), offeringOf(identity));
		FieldReader reader = new FieldReader(request.object());
		String name = reader.text("name", true, 150, false, null);
		String backendType = reader.text("backend_type", true, 100, false, null);
		String backendVersion = nullableText(reader, "backend_version", 100);
		if (reader.hasErrors()) {
			throw ApiException.badRequest(reader.errors());
		}
		Instant now = this.clock.instant();
		Optional<SandboxAgents.Processor> existing = this.agents.processorNamed(service.uuid(), name);
		SandboxAgents.Processor processor = new SandboxAgents.Processor(
				existing.map(SandboxAgents.Processor::uuid).orElseGet(Ids::uuid), service.uuid(), name, backendType,
				backendVersion, now, existing.map(SandboxAgents.Processor::created).orElse(now), now);
		this.agents.saveProcessor(processor, existing.isEmpty());
		ObjectNode body = processor(request.apiRoot(), processor);
		body.put("service", dashed(service.uuid()));
		body.put("service_name", service.name());
		return existing.isPresent() ? ApiResponse.ok(body) : ApiResponse.created(body);
	}

	private Input read(ApiRequest request) {
		FieldReader reader = new FieldReader(request.object());
		String offeringText = reader.text("offering", true, 64, false, null);
		String name = reader.text("name", true, 150, false, null);
		String version = nullableText(reader, "version", 100);
		JsonNode dependencies = reader.raw("dependencies");
		Instant lastRestarted = null;
		JsonNode restarted = reader.raw("last_restarted");
		if (restarted != null) {
			lastRestarted = restarted.isString() ? OfferingRolesApi.parseTime(restarted.stringValue().strip()) : null;
			if (lastRestarted == null) {
				reader.error("last_restarted", "Datetime has wrong format. Use one of these formats instead: "
						+ "YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].");
			}
		}
		SandboxOffering offering = null;
		if (offeringText != null) {
			String uuid = uuidParam(offeringText);
			offering = (uuid != null) ? this.offerings.find(uuid).orElse(null) : null;
			if (offering == null) {
				reader.error("offering", (uuid == null) ? "Must be a valid UUID."
						: "Object with uuid=" + offeringText + " does not exist.");
			}
		}
		if (reader.hasErrors() || offering == null || name == null) {
			throw ApiException.badRequest(reader.errors());
		}
		return new Input(offering, name, version,
				(dependencies != null) ? JsonMapper.shared().writeValueAsString(dependencies) : null, lastRestarted);
	}

	private static @Nullable String nullableText(FieldReader reader, String name, int maxLength) {
		JsonNode value = reader.raw(name);
		return (value == null || value.isNull()) ? null : reader.text(name, false, maxLength, true, null);
	}

	private SandboxAgents.Identity visibleIdentity(ApiRequest request) {
		String uuid = canonical(request.variable("uuid"));
		return this.agents.identity(uuid)
			.filter((identity) -> canSee(request.caller(), identity))
			.orElseThrow(() -> ApiException.notFound("AgentIdentity"));
	}

	private boolean canSee(SandboxUser user, SandboxAgents.Identity identity) {
		return user.staff() || this.offerings.find(identity.offeringUuid())
			.map((offering) -> this.access.canSee(user, offering) || this.access.isManager(user, offering))
			.orElse(false);
	}

	private SandboxOffering offeringOf(SandboxAgents.Identity identity) {
		return this.offerings.find(identity.offeringUuid()).orElseThrow(ApiException::forbidden);
	}

	/** Staff, an owner of the organisation (OFFERING.CREATE) or an OFFERING.MANAGER. */
	private void requireManage(SandboxUser user, SandboxOffering offering) {
		if (!(user.staff() || this.access.ownsCustomer(user, offering.customerUuid())
				|| this.access.isManager(user, offering))) {
			throw ApiException.forbidden();
		}
	}

	private ObjectNode identity(String apiRoot, SandboxAgents.Identity identity) {
		ObjectNode json = NODES.objectNode();
		json.put("uuid", dashed(identity.uuid()));
		json.put("url", apiRoot + "marketplace-site-agent-identities/" + identity.uuid() + "/");
		json.put("offering", dashed(identity.offeringUuid()));
		json.put("name", identity.name());
		json.put("version", identity.version());
		json.set("dependencies", (identity.dependencies() != null)
				? JsonMapper.shared().readTree(identity.dependencies()) : NODES.nullNode());
		json.putNull("config_file_path");
		json.putNull("config_file_content");
		json.put("last_restarted", SandboxJson.timestamp(identity.lastRestarted()));
		json.put("created", SandboxJson.timestamp(identity.created()));
		json.put("modified", SandboxJson.timestamp(identity.modified()));
		ArrayNode services = json.putArray("services");
		for (SandboxAgents.Service service : this.agents.services(identity.uuid())) {
			services.add(nestedService(apiRoot, service));
		}
		return json;
	}

	private static ObjectNode nestedService(String apiRoot, SandboxAgents.Service service) {
		ObjectNode json = NODES.objectNode();
		json.put("uuid", dashed(service.uuid()));
		json.put("url", apiRoot + "marketplace-site-agent-services/" + service.uuid() + "/");
		json.put("name", service.name());
		json.put("mode", service.mode());
		json.put("state", service.state());
		json.putNull("statistics");
		json.put("created", SandboxJson.timestamp(service.created()));
		json.put("modified", SandboxJson.timestamp(service.modified()));
		return json;
	}

	private ObjectNode service(String apiRoot, SandboxAgents.Service service, SandboxAgents.Identity identity) {
		ObjectNode json = nestedService(apiRoot, service);
		json.put("identity", dashed(identity.uuid()));
		json.put("identity_name", identity.name());
		ArrayNode processors = json.putArray("processors");
		for (SandboxAgents.Processor processor : this.agents.processors(service.uuid())) {
			processors.add(processor(apiRoot, processor));
		}
		return json;
	}

	private static ObjectNode processor(String apiRoot, SandboxAgents.Processor processor) {
		ObjectNode json = NODES.objectNode();
		json.put("uuid", dashed(processor.uuid()));
		json.put("url", apiRoot + "marketplace-site-agent-processors/" + processor.uuid() + "/");
		json.put("name", processor.name());
		json.put("last_run", SandboxJson.timestamp(processor.lastRun()));
		json.put("backend_type", processor.backendType());
		json.put("backend_version", processor.backendVersion());
		json.put("created", SandboxJson.timestamp(processor.created()));
		json.put("modified", SandboxJson.timestamp(processor.modified()));
		return json;
	}

	/** A UUID query value in the sandbox's 32-hex form, or {@code null} when absent. */
	private static @Nullable String uuidParam(@Nullable String value) {
		if (value == null) {
			return null;
		}
		return WaldurUuid.parse(value).map(WaldurUuid::hex).orElse(null);
	}

	private static String canonical(String uuid) {
		return WaldurUuid.parse(uuid).map(WaldurUuid::hex).orElse(uuid);
	}

	private static String dashed(String hex) {
		return WaldurUuid.of(hex).dashed();
	}

	private record Input(SandboxOffering offering, String name, @Nullable String version, @Nullable String dependencies,
			@Nullable Instant lastRestarted) {
	}

}
