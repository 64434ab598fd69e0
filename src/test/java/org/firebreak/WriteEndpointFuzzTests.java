package org.firebreak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.firebreak.shared.web.Role;
import org.firebreak.support.FirebreakIntegrationTest;
import org.firebreak.support.HttpApi;
import org.firebreak.support.OwnSchema;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hostile input against every write operation the running server documents in {@code /v3/api-docs} (so a new
 * endpoint is fuzzed without touching this test): wrong types, missing and unknown fields, huge strings, deep
 * nesting, invalid UTF-8, control characters, out-of-range numbers, unknown enum values, path traversal in ids.
 * Each case must be answered below 500; a refusal must be problem+json (a 400 naming the field) and must leave the
 * store exactly as it was (a digest of every table's rows, taken before and after; only a 403 "Action refused" writes,
 * by design: the refusal is itself recorded on the timeline). Cases come from a fixed seed
 * and a budget per operation ({@code -Dfirebreak.fuzz.cases=N}, default {@value #DEFAULT_CASES}), so a failure
 * replays and the run stays short; the count is printed.
 */
@FirebreakIntegrationTest
class WriteEndpointFuzzTests {

    static final int DEFAULT_CASES = 16;
    static final long SEED = 20261205L;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");
    /** Tables the request path never writes (sessions, Flyway's history, the event log that async work settles). */
    private static final Pattern UNWATCHED = Pattern.compile("(?i)flyway_schema_history|spring_session.*|event_publication.*");
    /** Columns a request touches whatever it asks (the token's last use), left out of the digest. */
    private static final List<String> UNWATCHED_COLUMNS = List.of("last_used_at");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        OwnSchema.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String token = "";
    private final Map<String, String> pathValues = new LinkedHashMap<>();
    private String lastBody = "";
    private boolean settle = true;

    @Test
    void noWriteOperationAnswers5xxOrWritesWhatItRefuses() throws Exception {
        JsonNode docs = apiDocsWithTargets();
        List<Operation> operations = writeOperations(docs);
        assertThat(operations).as("write operations in /v3/api-docs").hasSizeGreaterThan(30);

        int budget = Integer.getInteger("firebreak.fuzz.cases", DEFAULT_CASES);
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int cases = 0;
        long started = System.nanoTime();
        for (Operation operation : operations) {
            for (Case c : cases(operation, docs, random, budget)) {
                cases++;
                Outcome outcome = run(c);
                statuses.merge(outcome.status, 1, Integer::sum);
                outcome.failure().ifPresent(failures::add);
            }
        }
        System.out.printf("Fuzz: %d cases over %d write operations (seed %d, %d a operation) in %d s; statuses %s; "
                + "%d x 5xx, %d failures%n", cases, operations.size(), SEED, budget,
                Duration.ofNanos(System.nanoTime() - started).toSeconds(), statuses,
                statuses.entrySet().stream().filter(e -> e.getKey() >= 500).mapToInt(Map.Entry::getValue).sum(),
                failures.size());
        failures.forEach(f -> System.out.println("  " + f));
        assertThat(failures).as(cases + " cases").isEmpty();
    }

    /**
     * Every documented length ({@code maxLength} of a body's text field) holds on this store: at limit - 1 and at the
     * limit the field is not what is refused (and nothing fails), at limit + 1 it is refused with a 400 naming it and
     * nothing is written. The texts are Greek letters, two bytes each in UTF-8, so a store counting bytes would fail.
     */
    @Test
    void everyDocumentedLengthHoldsAtLimitMinusOneLimitAndLimitPlusOne() throws Exception {
        JsonNode docs = apiDocsWithTargets();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Operation op : writeOperations(docs)) {
            if (op.bodySchema == null || op.path.contains("/integrations/")) {
                continue;
            }
            JsonNode schema = resolve(op.bodySchema, docs);
            ObjectNode base = sampleObject(schema, docs, 0);
            for (Map.Entry<String, JsonNode> field : properties(schema, docs).entrySet()) {
                int max = field.getValue().path("maxLength").asInt(-1);
                if (!field.getValue().path("type").asString("").equals("string") || max < 1) {
                    continue;
                }
                for (int length : new int[] { max - 1, max, max + 1 }) {
                    if (length < 1) {
                        continue;
                    }
                    checked++;
                    ObjectNode body = base.deepCopy();
                    body.put(field.getKey(), "λ".repeat(length));
                    Case c = body(op, pathFor(op), field.getKey() + " of " + length + " (limit " + max + ")",
                            body.toString());
                    Outcome outcome = run(c);
                    outcome.failure().ifPresent(failures::add);
                    boolean namesField = outcome.status() == 400 && lastBody.contains("\"field\":\"" + field.getKey() + "\"");
                    if (length > max && !namesField) {
                        failures.add("not refused naming " + field.getKey() + ": " + outcome.status() + " " + c.describe());
                    }
                    if (length <= max && namesField && lastBody.contains("size must be")) {
                        failures.add("refused within the limit: " + abbreviate(lastBody) + " " + c.describe());
                    }
                }
            }
        }
        System.out.printf("Limits: %d lengths checked at limit-1, limit, limit+1; %d failures%n", checked,
                failures.size());
        failures.forEach(f -> System.out.println("  " + f));
        assertThat(checked).isGreaterThan(20);
        assertThat(failures).isEmpty();
    }

    // ---- what is fuzzed -------------------------------------------------------------------------------------

    record Operation(String method, String path, @Nullable JsonNode bodySchema, String contentType) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    record Case(Operation operation, String kind, String path, byte @Nullable [] body, String contentType) {
        String describe() {
            String shown = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            shown = shown.length() > 160 ? shown.substring(0, 160) + "…(" + body.length + " bytes)" : shown;
            return operation + " [" + kind + "] " + path + " " + shown.replaceAll("\\p{Cntrl}", "?");
        }
    }

    private static List<Operation> writeOperations(JsonNode docs) {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : docs.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                String method = op.getKey().toUpperCase(java.util.Locale.ROOT);
                if (!List.of("POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                JsonNode content = op.getValue().path("requestBody").path("content");
                String type = content.isObject() && content.properties().iterator().hasNext()
                        ? content.properties().iterator().next().getKey() : "application/json";
                JsonNode schema = content.isObject() && content.properties().iterator().hasNext()
                        ? content.properties().iterator().next().getValue().get("schema") : null;
                operations.add(new Operation(method, path.getKey(), schema, type));
            }
        }
        return operations;
    }

    /** The server's OpenAPI document, once there is something for its paths to name. */
    private JsonNode apiDocsWithTargets() {
        HttpApi api = new HttpApi(port).as("fuzz-admin", Role.ADMIN);
        token = api.tokenFor("fuzz-admin", Role.ADMIN);
        prepareTargets(api);
        return JSON.readTree(api.get("/v3/api-docs").body());
    }

    /** Real targets for the path's ids, so a case reaches the handler instead of stopping at 404. */
    private void prepareTargets(HttpApi api) {
        JsonNode incident = api.post("/api/v1/incidents", """
                {"title": "Fuzz target", "criteria": ["funds at risk"], "components": ["delegations"]}""").json();
        String id = incident.get("id").asString();
        api.post("/api/v1/incidents/" + id + "/review", "{}");
        JsonNode item = api.post("/api/v1/incidents/" + id + "/review/action-items", """
                {"title": "Fuzz item", "owner": "alice", "dueOn": "2026-12-31"}""").json();
        api.post("/api/v1/accounts", """
                {"username": "fuzz-target", "role": "RESPONDER", "signsIn": false}""");
        pathValues.put("id", id);
        pathValues.put("incidentId", id);
        pathValues.put("incident", id);
        pathValues.put("step", "1");
        pathValues.put("no", "1");
        pathValues.put("itemId", item.path("id").asString("1"));
        pathValues.put("username", "fuzz-target");
        pathValues.put("name", "alertmanager");
        pathValues.put("person", "alice");
    }

    private String pathFor(Operation operation) {
        return pathFor(operation, "", "");
    }

    /** The operation's path with real ids, except {@code victim}, which gets {@code value} as it stands. */
    private String pathFor(Operation operation, String victim, String value) {
        Matcher m = PATH_PARAM.matcher(operation.path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String real = operation.path.contains("/accounts/") && name.equals("name") ? "fuzz-target"
                    : operation.path.contains("/responders/") && name.equals("name") ? "alice"
                    : operation.path.contains("/components/") && name.equals("name") ? "delegations"
                    : pathValues.getOrDefault(name, "1");
            m.appendReplacement(out, Matcher.quoteReplacement(name.equals(victim) ? value : real));
        }
        return m.appendTail(out).toString();
    }

    // ---- the cases ------------------------------------------------------------------------------------------

    private static final List<String> CONTROLS = List.of("\u0000", "\u0007", "\u001b", "\u007f", "\u0085", "\ud800",
            "\udfff");
    private static final List<String> TRAVERSALS = List.of("..%2F..%2Fetc%2Fpasswd", "..", "%2e%2e", "INC-1%00",
            "INC-99999999999999999999999", "-1", "%27%20or%201%3D1%20--", "%C0%AE%C0%AE", "%E2%80%AE", "a%0Ab");
    private static final List<String> OUT_OF_RANGE = List.of("1e400", "-1e400", "99999999999999999999999",
            "-2147483649", "9223372036854775808", "-1", "0", "1.5", "2147483648");

    private List<Case> cases(Operation op, JsonNode docs, Random random, int budget) {
        List<Case> cases = new ArrayList<>();
        String path = pathFor(op);
        @Nullable JsonNode schema = op.bodySchema == null ? null : resolve(op.bodySchema, docs);
        List<Function<Random, @Nullable Case>> kinds = new ArrayList<>();
        if (op.path.contains("{")) {
            kinds.add(r -> traversal(op, r));
        }
        if (schema != null) {
            ObjectNode base = sampleObject(schema, docs, 0);
            if (base.has("routing_key")) {
                base.put("routing_key", "devnet-pagerduty-secret"); // PagerDuty's secret rides in the body
            }
            kinds.add(r -> body(op, path, "missing fields", "{}"));
            kinds.add(r -> body(op, path, "not an object", pick(r, List.of("[]", "null", "\"text\"", "42", "true"))));
            kinds.add(r -> body(op, path, "malformed JSON", pick(r, List.of("{", "{\"a\":}", "not json", "{\"a\" 1}"))));
            kinds.add(r -> withField(op, path, base, "unknown field", r, (o, f) -> o.put("fuzzUnknown" + r.nextInt(99), 1), true));
            kinds.add(r -> withField(op, path, base, "wrong type", r, (o, f) -> o.set(f, wrongType(o.get(f), r)), false));
            kinds.add(r -> withString(op, path, base, "huge string", r, (o, f) -> o.put(f, "x".repeat(200_000))));
            kinds.add(r -> withString(op, path, base, "control character", r,
                    (o, f) -> o.put(f, "before" + pick(r, CONTROLS) + "after")));
            kinds.add(r -> deepNesting(op, path, base, r));
            kinds.add(r -> invalidUtf8(op, path, base, r));
            kinds.add(r -> withNumber(op, path, base, schema, docs, r));
            kinds.add(r -> withEnum(op, path, base, schema, docs, r));
            kinds.add(r -> body(op, path, "valid-looking sample", base.toString()));
        } else {
            kinds.add(r -> body(op, path, "unexpected body", "{\"fuzz\": \"\u0000\"}"));
        }
        for (int i = 0; cases.size() < budget && i < budget * 3; i++) {
            Case c = kinds.get(i < kinds.size() ? i : random.nextInt(kinds.size())).apply(random);
            if (c != null) {
                cases.add(c);
            }
        }
        return cases;
    }

    private Case traversal(Operation op, Random r) {
        Matcher m = PATH_PARAM.matcher(op.path);
        List<String> names = new ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        String victim = pick(r, names);
        return new Case(op, "path traversal in " + victim, pathFor(op, victim, pick(r, TRAVERSALS)),
                op.bodySchema == null ? null : "{}".getBytes(StandardCharsets.UTF_8), op.contentType);
    }

    private static Case body(Operation op, String path, String kind, String body) {
        return new Case(op, kind, path, body.getBytes(StandardCharsets.UTF_8), op.contentType);
    }

    private static @Nullable Case withField(Operation op, String path, ObjectNode base, String kind, Random r,
            java.util.function.BiConsumer<ObjectNode, String> change, boolean anyObject) {
        ObjectNode copy = base.deepCopy();
        List<String> fields = fieldNames(copy);
        if (fields.isEmpty() && !anyObject) {
            return null;
        }
        change.accept(copy, fields.isEmpty() ? "" : pick(r, fields));
        return body(op, path, kind, copy.toString());
    }

    private static @Nullable Case withString(Operation op, String path, ObjectNode base, String kind, Random r,
            java.util.function.BiConsumer<ObjectNode, String> change) {
        ObjectNode copy = base.deepCopy();
        List<String> strings = fieldNames(copy).stream().filter(f -> copy.get(f).isString()).toList();
        if (strings.isEmpty()) {
            return null;
        }
        String field = pick(r, strings);
        change.accept(copy, field);
        return body(op, path, kind + " in " + field, copy.toString());
    }

    private static @Nullable Case invalidUtf8(Operation op, String path, ObjectNode base, Random r) {
        List<String> strings = fieldNames(base).stream().filter(f -> base.get(f).isString()).toList();
        if (strings.isEmpty()) {
            return null;
        }
        String field = pick(r, strings);
        ObjectNode copy = base.deepCopy();
        copy.put(field, "@@BAD@@");
        String[] parts = copy.toString().split("@@BAD@@");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(parts[0].getBytes(StandardCharsets.UTF_8));
        byte[][] bad = { { (byte) 0xC3, 0x28 }, { (byte) 0xFF }, { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
                { (byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80 }, { (byte) 0xC0, (byte) 0xAF } };
        out.writeBytes(bad[r.nextInt(bad.length)]);
        out.writeBytes(parts.length > 1 ? parts[1].getBytes(StandardCharsets.UTF_8) : new byte[0]);
        return new Case(op, "invalid UTF-8 in " + field, path, out.toByteArray(), op.contentType);
    }

    private static @Nullable Case withNumber(Operation op, String path, ObjectNode base, JsonNode schema, JsonNode docs,
            Random r) {
        List<String> numbers = fieldsOfType(schema, docs, "integer", "number");
        if (numbers.isEmpty()) {
            return null;
        }
        String field = pick(r, numbers);
        ObjectNode copy = base.deepCopy();
        copy.put(field, "@@NUM@@");
        return body(op, path, "out-of-range number in " + field,
                copy.toString().replace("\"@@NUM@@\"", pick(r, OUT_OF_RANGE)));
    }

    private static @Nullable Case withEnum(Operation op, String path, ObjectNode base, JsonNode schema, JsonNode docs,
            Random r) {
        List<String> enums = new ArrayList<>();
        properties(schema, docs).forEach((name, s) -> {
            if (s.has("enum")) {
                enums.add(name);
            }
        });
        if (enums.isEmpty()) {
            return null;
        }
        String field = pick(r, enums);
        ObjectNode copy = base.deepCopy();
        copy.put(field, pick(r, List.of("NOT_A_VALUE", "", "critical ", "0", "\u0000")));
        return body(op, path, "unknown enum value in " + field, copy.toString());
    }

    private static JsonNode wrongType(@Nullable JsonNode current, Random r) {
        List<JsonNode> others = new ArrayList<>(List.of(NODES.numberNode(7), NODES.booleanNode(true),
                NODES.stringNode("seven"), NODES.arrayNode().add(1).add("two"), NODES.objectNode().put("k", "v")));
        if (current != null) {
            others.removeIf(n -> n.getNodeType() == current.getNodeType());
        }
        return others.get(r.nextInt(others.size()));
    }

    /** 2,000 arrays deep in one field: more than any writer here would make, so the text is spliced in. */
    private static @Nullable Case deepNesting(Operation op, String path, ObjectNode base, Random r) {
        List<String> fields = fieldNames(base);
        ObjectNode copy = base.deepCopy();
        copy.put(fields.isEmpty() ? "deep" : pick(r, fields), "@@DEEP@@");
        return body(op, path, "deep nesting", copy.toString().replace("\"@@DEEP@@\"", "[".repeat(2000) + "]".repeat(2000)));
    }

    // ---- the schema -----------------------------------------------------------------------------------------

    private static JsonNode resolve(JsonNode schema, JsonNode docs) {
        JsonNode at = schema;
        for (int i = 0; i < 10 && at.has("$ref"); i++) {
            String ref = at.get("$ref").asString();
            at = docs.at(ref.substring(1));
        }
        if (at.has("allOf") && at.get("allOf").size() == 1) {
            return resolve(at.get("allOf").get(0), docs);
        }
        return at;
    }

    private static Map<String, JsonNode> properties(JsonNode schema, JsonNode docs) {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        JsonNode resolved = resolve(schema, docs);
        resolved.path("properties").properties().forEach(e -> properties.put(e.getKey(), resolve(e.getValue(), docs)));
        return properties;
    }

    private static List<String> fieldsOfType(JsonNode schema, JsonNode docs, String... types) {
        List<String> fields = new ArrayList<>();
        properties(schema, docs).forEach((name, s) -> {
            if (List.of(types).contains(s.path("type").asString(""))) {
                fields.add(name);
            }
        });
        return fields;
    }

    /** A plausible body: each documented field with a value of its type, the first of an enum. */
    private static ObjectNode sampleObject(JsonNode schema, JsonNode docs, int depth) {
        ObjectNode object = NODES.objectNode();
        properties(schema, docs).forEach((name, s) -> object.set(name, sample(s, docs, depth + 1)));
        return object;
    }

    private static JsonNode sample(JsonNode schema, JsonNode docs, int depth) {
        JsonNode s = resolve(schema, docs);
        if (s.has("enum")) {
            return s.get("enum").get(0);
        }
        String format = s.path("format").asString("");
        return switch (s.path("type").asString("")) {
            case "string" -> NODES.stringNode(format.equals("date-time") ? "2026-11-25T04:00:00Z"
                    : format.equals("date") ? "2026-12-31" : "fuzz sample");
            case "integer" -> NODES.numberNode(1);
            case "number" -> NODES.numberNode(1.5);
            case "boolean" -> NODES.booleanNode(true);
            case "array" -> depth > 3 ? NODES.arrayNode()
                    : NODES.arrayNode().add(sample(s.path("items"), docs, depth + 1));
            case "object" -> depth > 3 ? NODES.objectNode() : s.has("properties") ? sampleObject(s, docs, depth)
                    : NODES.objectNode().put("key", "value");
            default -> NODES.stringNode("fuzz sample");
        };
    }

    private static List<String> fieldNames(ObjectNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = node.propertyNames().iterator();
        it.forEachRemaining(names::add);
        return names;
    }

    private static <T> T pick(Random r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    // ---- running a case -------------------------------------------------------------------------------------

    record Outcome(int status, java.util.Optional<String> failure) {
    }

    private Outcome run(Case c) throws Exception {
        String before = quietDigest();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + c.path))
                .timeout(Duration.ofSeconds(30));
        if (c.path.matches("/api/v1/integrations/[^/]+/alertmanager")) {
            request.header("Authorization", "Bearer devnet-alertmanager-secret");
        } else {
            request.header("Authorization", "Bearer " + token);
        }
        request.method(c.operation.method, c.body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(c.body));
        if (c.body != null) {
            request.header("Content-Type", c.contentType);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IllegalArgumentException e) {
            return new Outcome(0, java.util.Optional.empty()); // a path the client itself refuses to send
        }
        int status = response.statusCode();
        lastBody = response.body();
        settle = status < 400 || status == 403;
        String problem = problemOf(status, response);
        if (problem != null) {
            return new Outcome(status, java.util.Optional.of(status + " " + problem + ": " + c.describe()));
        }
        if (status >= 400 && !lastBody.contains("\"title\":\"Action refused\"")) {
            String after = digest();
            if (!after.equals(before)) {
                List<String> changed = new ArrayList<>(List.of(after.split(" ")));
                changed.removeAll(List.of(before.split(" ")));
                return new Outcome(status, java.util.Optional.of(status + " but the store changed (" + changed + "): "
                        + abbreviate(lastBody) + " " + c.describe()));
            }
        }
        return new Outcome(status, java.util.Optional.empty());
    }

    /** What is wrong with the answer, or null: no 5xx, a refusal is problem+json, a 400 names a field. */
    private static @Nullable String problemOf(int status, HttpResponse<String> response) {
        if (status >= 500) {
            return "server error " + abbreviate(response.body());
        }
        if (status < 400) {
            return null;
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            return "refusal is " + type + ", not problem+json: " + abbreviate(response.body());
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (RuntimeException e) {
            return "problem body is not JSON: " + abbreviate(response.body());
        }
        if (body.path("status").asInt() != status || body.path("title").asString("").isBlank()) {
            return "problem lacks status or title: " + abbreviate(response.body());
        }
        if (status == 400 && body.path("errors").path(0).path("field").asString("").isBlank()) {
            return "400 names no field: " + abbreviate(response.body());
        }
        return null;
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    /**
     * The digest once the background work of an earlier accepted request has settled (deliveries, pages): the same
     * reading for half a second. After a refusal there is none, and one reading does.
     */
    private String quietDigest() throws Exception {
        String last = digest();
        if (!settle) {
            return last;
        }
        settle = false;
        int same = 0;
        for (int i = 0; i < 50 && same < 5; i++) {
            Thread.sleep(100);
            String now = digest();
            same = now.equals(last) ? same + 1 : 0;
            last = now;
        }
        return last;
    }

    /** Every watched table's row count and an order-free hash of its rows. */
    private String digest() throws Exception {
        StringBuilder digest = new StringBuilder();
        try (Connection connection = dataSource.getConnection()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = connection.getMetaData().getTables(null, connection.getSchema(), "%",
                    new String[] { "TABLE" })) {
                while (rs.next()) {
                    String name = rs.getString("TABLE_NAME");
                    if (!UNWATCHED.matcher(name).matches()) {
                        tables.add(name);
                    }
                }
            }
            java.util.Collections.sort(tables);
            try (Statement statement = connection.createStatement()) {
                for (String table : tables) {
                    long rows = 0;
                    long hash = 0;
                    try (ResultSet rs = statement.executeQuery("select * from " + table)) {
                        ResultSetMetaData meta = rs.getMetaData();
                        while (rs.next()) {
                            rows++;
                            StringBuilder row = new StringBuilder();
                            for (int col = 1; col <= meta.getColumnCount(); col++) {
                                if (!UNWATCHED_COLUMNS.contains(meta.getColumnName(col).toLowerCase(java.util.Locale.ROOT))) {
                                    row.append(rs.getString(col)).append('\u0001');
                                }
                            }
                            hash += row.toString().hashCode() * 0x9E3779B97F4A7C15L;
                        }
                    }
                    digest.append(table).append(':').append(rows).append(':').append(hash).append(' ');
                }
            }
        }
        return digest.toString();
    }
}
