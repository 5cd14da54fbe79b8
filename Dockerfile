# Build: docker build -t escalate .
# Run:   docker run -p 3000:3000 -e SLACK_BOT_TOKEN=… -e SLACK_SIGNING_SECRET=… -v escalate-data:/app/data escalate
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
# Fonts for the /esc stats chart, drawn headless.
RUN apt-get update && apt-get install -y --no-install-recommends fontconfig fonts-dejavu-core && rm -rf /var/lib/apt/lists/*
RUN groupadd --system escalate \
 && useradd --system --gid escalate --uid 10001 --home-dir /app --no-create-home escalate \
 && mkdir -p /app/data && chown escalate:escalate /app/data
WORKDIR /app
COPY --from=build /src/bot/target/escalate.jar /app/escalate.jar
USER escalate
ENV PORT=3000 \
    DATABASE_URL=jdbc:h2:file:/app/data/escalate
EXPOSE 3000
VOLUME ["/app/data"]
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 \
  CMD ["java", "-XX:TieredStopAtLevel=1", "-jar", "/app/escalate.jar", "healthcheck"]
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/escalate.jar"]
