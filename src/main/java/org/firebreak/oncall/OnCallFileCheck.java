package org.firebreak.oncall;

import java.nio.file.Path;
import java.util.List;

import org.firebreak.notify.ChannelServers;

import org.firebreak.shared.InvalidConfiguration;

/** Reads an on-call file as Firebreak does at start-up, without a server: for {@code firebreak check --config-dir}. */
public final class OnCallFileCheck {

    private OnCallFileCheck() {
    }

    /**
     * What the file configures, in one line.
     *
     * @throws InvalidConfiguration naming the file, line and field of the first problem
     */
    public static String check(Path file) {
        OnCallCatalog catalog = new OnCallCatalog(file);
        return catalog.people().size() + " people, " + catalog.schedules().size() + " schedule(s), "
                + catalog.policies().size() + " escalation polic" + (catalog.policies().size() == 1 ? "y" : "ies");
    }

    /**
     * The file's contacts that go nowhere with these channel servers, each with file, line and field (the file is
     * assumed to pass {@link #check}).
     */
    public static List<String> unreachable(Path file, ChannelServers servers) {
        return new OnCallCatalog(file).unreachable(servers);
    }
}
