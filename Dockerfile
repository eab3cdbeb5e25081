# Builds the application image used by docker-compose.yml.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp dependency:go-offline
COPY src src
COPY processes processes
COPY forms forms
COPY programmes programmes
RUN ./mvnw -B -ntp -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
# curl answers the container health check (/actuator/health/readiness)
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 1001 umsetzungsmonitor
COPY --from=build /src/target/umsetzungsmonitor-*.jar app.jar
USER umsetzungsmonitor
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
