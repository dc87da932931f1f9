# syntax=docker/dockerfile:1
# Multi-stage build of Waldur Onboarding Portal: Maven build stage, JRE runtime stage.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline -Dspring-javaformat.skip=true
COPY src src
COPY db db
COPY frontend-assets frontend-assets
RUN mvn -B -q package -DskipTests -Dspring-javaformat.skip=true -Dmaven.gitcommitid.skip=true \
	&& cp target/waldur-onboarding-portal-*.jar /tmp/app.jar \
	&& java -Djarmode=tools -jar /tmp/app.jar extract --destination /extracted

FROM eclipse-temurin:17-jre
RUN apt-get update \
	&& apt-get install -y --no-install-recommends curl \
	&& rm -rf /var/lib/apt/lists/* \
	&& groupadd --system --gid 10001 portal \
	&& useradd --system --uid 10001 --gid portal --home-dir /app --shell /usr/sbin/nologin portal \
	&& mkdir -p /data \
	&& chown portal:portal /data \
	&& chmod 700 /data
WORKDIR /app
COPY --from=build --chown=portal:portal /extracted/ /app/
ENV PORTAL_DATA_DIR=/data \
	JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
# Class data sharing (README "Start-up time"): one training start in sandbox mode on a
# throwaway H2 directory, stopped once the context is refreshed, writes the archive of the
# classes it loaded; every start of the image then maps them instead of loading them again.
RUN mkdir -m 700 /tmp/cds-data \
	&& PORTAL_DATA_DIR=/tmp/cds-data java -XX:ArchiveClassesAtExit=/app/app.jsa -Dspring.context.exit=onRefresh \
		-jar /app/app.jar --logging.level.root=WARN \
	&& rm -rf /tmp/cds-data \
	&& chown portal:portal /app/app.jsa
USER portal:portal
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
	CMD curl -fsS http://127.0.0.1:8080/actuator/health/liveness || exit 1
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/app.jsa", "-jar", "/app/app.jar"]
