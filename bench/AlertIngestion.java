import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sustained alert ingestion through the Alertmanager-compatible endpoint (run by bench/alert-ingestion.sh).
 *
 * Phase 1 opens one incident per new fingerprint. Phase 2 is what Alertmanager sends all day: the same firing alerts
 * re-sent, from several senders at once, for a fixed time. Each answer comes after the transaction commits, so an
 * answered request is stored; at the end every alert's stored count is read back and must equal what was answered.
 *
 * usage: java AlertIngestion.java BASE_URL SECRET SECONDS CONCURRENCY FINGERPRINTS
 */
public class AlertIngestion {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String secret = args[1];
        int seconds = Integer.parseInt(args[2]);
        int concurrency = Integer.parseInt(args[3]);
        int fingerprints = Integer.parseInt(args[4]);
        String run = Long.toString(System.currentTimeMillis(), 36);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, AtomicLong> sent = new ConcurrentHashMap<>();

        List<String> keys = new ArrayList<>();
        for (int i = 0; i < fingerprints; i++) {
            keys.add("bench-" + run + "-" + i);
        }
        long[] opening = timed(http, base, secret, keys, concurrency, sent);
        System.out.printf("phase 1: %d new alerts (one incident each) in %.2f s: %.1f alerts/s, p50 %.1f ms, p99 %.1f ms%n",
                fingerprints, opening[0] / 1e9, fingerprints / (opening[0] / 1e9), pct(opening, 50), pct(opening, 99));

        long until = System.nanoTime() + seconds * 1_000_000_000L;
        List<long[]> perWorker = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        AtomicLong failed = new AtomicLong();
        for (int w = 0; w < concurrency; w++) {
            long[][] holder = new long[1][];
            perWorker.add(null);
            int index = w;
            workers.add(Thread.ofPlatform().start(() -> {
                List<Long> latencies = new ArrayList<>();
                while (System.nanoTime() < until) {
                    String key = keys.get(ThreadLocalRandom.current().nextInt(keys.size()));
                    long start = System.nanoTime();
                    int status = send(http, base, secret, key);
                    latencies.add(System.nanoTime() - start);
                    if (status == 200) {
                        sent.get(key).incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                    }
                }
                holder[0] = latencies.stream().mapToLong(Long::longValue).toArray();
                synchronized (perWorker) {
                    perWorker.set(index, holder[0]);
                }
            }));
        }
        for (Thread t : workers) {
            t.join();
        }
        long[] all = perWorker.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf("phase 2: %d repeats in %d s with %d senders: %.1f alerts/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms,"
                + " %d refused%n", all.length, seconds, concurrency, all.length / (double) seconds,
                all[all.length / 2] / 1e6, all[(int) Math.min(all.length - 1, Math.ceil(all.length * 0.99) - 1)] / 1e6,
                all[all.length - 1] / 1e6, failed.get());

        long expected = 0;
        long stored = 0;
        Pattern count = Pattern.compile("\"count\"\\s*:\\s*(\\d+)");
        for (String key : keys) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base
                    + "/api/v1/integrations/alertmanager/alerts/" + key)).header("Authorization", "Bearer "
                    + System.getenv("FIREBREAK_TOKEN")).GET().build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = count.matcher(answer.body());
            stored += m.find() ? Long.parseLong(m.group(1)) : 0;
            expected += sent.get(key).get();
        }
        System.out.printf("stored: %d of %d answered alerts read back (%s)%n", stored, expected,
                stored == expected ? "all stored" : "MISMATCH");
        if (stored != expected) {
            System.exit(1);
        }
    }

    /** Sends one new alert per key with the given concurrency; returns elapsed nanos then sorted latencies. */
    private static long[] timed(HttpClient http, String base, String secret, List<String> keys, int concurrency,
            Map<String, AtomicLong> sent) throws InterruptedException {
        long[] latencies = new long[keys.size()];
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(Thread.ofPlatform().start(() -> {
                for (long i = next.getAndIncrement(); i < keys.size(); i = next.getAndIncrement()) {
                    String key = keys.get((int) i);
                    sent.put(key, new AtomicLong());
                    long t = System.nanoTime();
                    if (send(http, base, secret, key) == 200) {
                        sent.get(key).incrementAndGet();
                    }
                    latencies[(int) i] = System.nanoTime() - t;
                }
            }));
        }
        for (Thread t : workers) {
            t.join();
        }
        long elapsed = System.nanoTime() - start;
        Arrays.sort(latencies);
        long[] result = new long[latencies.length + 1];
        result[0] = elapsed;
        System.arraycopy(latencies, 0, result, 1, latencies.length);
        return result;
    }

    private static double pct(long[] elapsedThenSorted, int percentile) {
        int n = elapsedThenSorted.length - 1;
        int index = (int) Math.min(n - 1, Math.ceil(n * percentile / 100.0) - 1);
        return elapsedThenSorted[1 + Math.max(0, index)] / 1e6;
    }

    private static int send(HttpClient http, String base, String secret, String key) {
        String body = """
                {"version":"4","groupKey":"{}:{alertname=\\"Bench\\"}","truncatedAlerts":0,"status":"firing",
                 "receiver":"firebreak","groupLabels":{"alertname":"Bench"},"commonLabels":{"alertname":"Bench"},
                 "commonAnnotations":{},"externalURL":"http://alertmanager.local",
                 "alerts":[{"status":"firing","labels":{"alertname":"Bench","severity":"warning","instance":"%s"},
                  "annotations":{"summary":"Bench alert %s"},"startsAt":"2026-11-25T03:00:00Z",
                  "endsAt":"0001-01-01T00:00:00Z","generatorURL":"http://prometheus.local","fingerprint":"%s"}]}
                """.formatted(key, key, key);
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/integrations/alertmanager/alertmanager"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + secret)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}
