package org.firebreak.console;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.firebreak.incident.ChangeMarkers;
import org.firebreak.incident.IncidentApi;
import org.firebreak.incident.IncidentId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Tells open console pages that what they show has changed, as a server-sent event {@code changed}. One shared
 * poller reads the store's change markers (one query per tick, whatever the number of pages) and pushes to the
 * pages whose incident, or for the dashboard anything, moved. It reads the store, not this node's events, so a
 * change made through another Firebreak node shows too. The poller runs only while some page listens. On shutdown
 * the streams end first (highest phase), so the web server's graceful shutdown does not wait on open pages.
 */
@Component
class LiveChanges implements SmartLifecycle {

    static final String EVENT = "changed";
    static final Duration TICK = Duration.ofMillis(500);
    /** A page reconnects by itself (EventSource) when its stream ends; ending it now and then sheds dead ones. */
    static final Duration STREAM_LIFETIME = Duration.ofMinutes(10);
    /** A comment this often finds connections whose page is gone (a send to them fails). */
    private static final int KEEPALIVE_TICKS = 30;
    private static final Logger log = LoggerFactory.getLogger(LiveChanges.class);

    private final IncidentApi incidents;
    private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();
    private @Nullable ScheduledExecutorService executor;
    private @Nullable ScheduledFuture<?> poller;
    private long ticks;
    private volatile boolean running;

    LiveChanges(IncidentApi incidents) {
        this.incidents = incidents;
    }

    /** The marker a page renders with, and hands back when it subscribes. */
    long marker(@Nullable IncidentId incident) {
        ChangeMarkers markers = incidents.changeMarkers(incident == null ? List.of() : List.of(incident));
        return incident == null ? markers.all() : markers.of(incident);
    }

    /**
     * A stream for one page: the dashboard (no incident) or one incident's room. {@code seen} is the marker the page
     * was rendered with, so a change between rendering and subscribing is not lost.
     */
    SseEmitter subscribe(@Nullable IncidentId incident, long seen) {
        SseEmitter emitter = new SseEmitter(STREAM_LIFETIME.toMillis());
        if (!running) {
            emitter.complete();
            return emitter;
        }
        Listener listener = new Listener(emitter, incident, seen);
        emitter.onCompletion(() -> remove(listener));
        emitter.onTimeout(() -> {
            remove(listener);
            emitter.complete();
        });
        emitter.onError(e -> remove(listener));
        listeners.add(listener);
        startPolling();
        return emitter;
    }

    int listening() {
        return listeners.size();
    }

    private void remove(Listener listener) {
        listeners.remove(listener);
    }

    private synchronized void startPolling() {
        if (!running) {
            return;
        }
        if (poller != null && !poller.isDone()) {
            return;
        }
        if (executor == null) {
            executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("console-live")
                    .factory());
        }
        poller = executor.scheduleWithFixedDelay(this::tick, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void stopWhenIdle() {
        if (listeners.isEmpty() && poller != null) {
            poller.cancel(false);
            poller = null;
        }
    }

    void tick() {
        try {
            if (listeners.isEmpty()) {
                stopWhenIdle();
                return;
            }
            List<IncidentId> watched = listeners.stream().map(l -> l.incident).filter(Objects::nonNull).distinct()
                    .toList();
            ChangeMarkers markers = incidents.changeMarkers(watched);
            boolean keepalive = ++ticks % KEEPALIVE_TICKS == 0;
            for (Listener listener : listeners) {
                long now = listener.incident == null ? markers.all() : markers.of(listener.incident);
                if (now != listener.seen) {
                    listener.seen = now;
                    send(listener, SseEmitter.event().name(EVENT).data(Long.toString(now)));
                } else if (keepalive) {
                    send(listener, SseEmitter.event().comment("still here"));
                }
            }
        } catch (RuntimeException e) {
            // The store being briefly unreachable must not kill the poller; the next tick tries again.
            log.warn("Console live changes could not be read: {}", e.getMessage());
        }
    }

    private void send(Listener listener, SseEmitter.SseEventBuilder event) {
        try {
            listener.emitter.send(event);
        } catch (IOException | IllegalStateException e) {
            remove(listener);
            listener.emitter.completeWithError(e);
        }
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public synchronized void stop() {
        running = false;
        listeners.forEach(l -> l.emitter.complete());
        listeners.clear();
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
            poller = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    private static final class Listener {
        final SseEmitter emitter;
        final @Nullable IncidentId incident;
        volatile long seen;

        Listener(SseEmitter emitter, @Nullable IncidentId incident, long seen) {
            this.emitter = emitter;
            this.incident = incident;
            this.seen = seen;
        }
    }
}
