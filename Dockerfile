# Encore's container images, all from this one file (docs/operations.md, "Deployment"); docker-compose.yml builds
# them. One build stage compiles every app once; each image is a target of its own:
#
#   docker build --target app --build-arg APP=profile-stream --build-arg MAIN_CLASS=io.encore.profile.ProfileStreamApp -t encore/profile-stream .
#   docker build --target app --build-arg APP=scoring-stream --build-arg MAIN_CLASS=io.encore.scoring.ScoringStreamApp -t encore/scoring-stream .
#   docker build --target app --build-arg APP=web            --build-arg MAIN_CLASS=io.encore.web.WebApp                -t encore/web .
#   docker build --target connect -t encore/connect .
#
# The topic step (io.encore.runtime.topics.CreateTopics) runs from any app image: its classes are in every one.

# ---- build: the Maven reactor, dependencies first so that a source change does not download them again ----------
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src

# Layer 1: what decides the dependencies. Every module's pom (the parent lists them all, and Maven refuses a
# reactor with one missing), the Avro schemas (the code generator fails on a missing source directory) and the
# connectors' assembly descriptor. `dependency:go-offline` or `dependency:resolve` cannot be used here: they fail
# on our own modules (io.encore:*), which no repository holds and which are not built yet. A package of the
# empty modules can: it resolves every dependency and plugin the real build uses, with our modules from the
# reactor. Its output is then thrown away.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY schemas/pom.xml schemas/
COPY runtime/pom.xml runtime/
COPY profile-stream/pom.xml profile-stream/
COPY scoring-stream/pom.xml scoring-stream/
COPY simulator/pom.xml simulator/
COPY evaluation/pom.xml evaluation/
COPY benchmarks/pom.xml benchmarks/
COPY connectors/pom.xml connectors/
COPY web/pom.xml web/
COPY importer/pom.xml importer/
COPY local-stack/pom.xml local-stack/
COPY local-stack/registry/pom.xml local-stack/registry/
COPY schemas/src/main/avro/ schemas/src/main/avro/
COPY profile-stream/src/main/avro/ profile-stream/src/main/avro/
COPY scoring-stream/src/main/avro/ scoring-stream/src/main/avro/
COPY connectors/src/assembly/ connectors/src/assembly/
# The same command as layer 2 below, so that layer 2 can run offline (-o) with exactly what this one fetched.
RUN ./mvnw -B -ntp -pl profile-stream,scoring-stream,web,connectors -am -DskipTests \
        package dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=target/image-lib \
    && find . -name target -type d -prune -exec rm -rf {} +

# Layer 2: the sources, built offline.
COPY schemas/src/ schemas/src/
COPY runtime/src/ runtime/src/
COPY profile-stream/src/ profile-stream/src/
COPY scoring-stream/src/ scoring-stream/src/
COPY web/src/ web/src/
COPY connectors/src/ connectors/src/
COPY connectors/config/ connectors/config/
RUN ./mvnw -B -ntp -o -pl profile-stream,scoring-stream,web,connectors -am -DskipTests \
        package dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=target/image-lib

# One directory per app: its jar and its runtime dependencies (our schemas and runtime jars among them).
RUN for app in profile-stream scoring-stream web; do \
        mkdir -p "/out/$app/lib" \
        && cp "$app"/target/image-lib/*.jar "/out/$app/lib/" \
        && cp "$app/target/encore-$app-0.1.0-SNAPSHOT.jar" "/out/$app/lib/"; \
    done \
    && mkdir -p /out/connect-plugins \
    && cp -r connectors/target/plugin/encore-connectors /out/connect-plugins/

# ---- app: one stream app or the web app on a JRE, as a user without privileges ----------------------------------
FROM eclipse-temurin:17-jre AS app
ARG APP
ARG MAIN_CLASS
RUN test -n "$APP" && test -n "$MAIN_CLASS" || { echo "build with --build-arg APP=<module> --build-arg MAIN_CLASS=<class>" >&2; exit 1; } \
    && groupadd --system --gid 10001 encore \
    && useradd --system --uid 10001 --gid encore --home-dir /var/lib/encore --shell /usr/sbin/nologin encore \
    && mkdir -p /var/lib/encore/state \
    && chown -R encore:encore /var/lib/encore
# Dependencies first: they change less often than the app's own jar.
COPY --from=build /out/${APP}/lib/ /opt/encore/lib/
COPY deploy/docker/encore-run.sh /opt/encore/bin/encore-run
# The class encore-run starts; the topic step sets io.encore.runtime.topics.CreateTopics instead.
ENV MAIN_CLASS=${MAIN_CLASS}
# A stream app's state.dir (KAFKA_STATE_DIR=/var/lib/encore/state): mount a volume there per instance.
WORKDIR /var/lib/encore
USER encore:encore
ENTRYPOINT ["/opt/encore/bin/encore-run"]

# ---- connect: Kafka's own image (connect-distributed.sh) with Encore's sinks on its plugin.path ------------------
FROM apache/kafka:4.3.1 AS connect
COPY --from=build /out/connect-plugins/ /opt/encore/connect-plugins/
COPY deploy/connect/worker.properties /opt/encore/connect/worker.properties
EXPOSE 8083
CMD ["/opt/kafka/bin/connect-distributed.sh", "/opt/encore/connect/worker.properties"]
