package org.firebreak.notify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.firebreak.shared.InvalidConfiguration;
import org.firebreak.shared.web.PublicUrl;
import org.springframework.core.env.StandardEnvironment;

/** Compiles the message templates as Firebreak does at start-up, without a server: for {@code firebreak check}. */
public final class TemplatesCheck {

    private TemplatesCheck() {
    }

    /**
     * How many of the templates the directory replaces, in one line.
     *
     * @throws InvalidConfiguration naming the template that does not compile
     */
    public static String check(Path directory) {
        new MessageTemplates(directory, new PublicUrl(new StandardEnvironment()));
        long replaced = Arrays.stream(MessageKind.values())
                .filter(k -> Files.isRegularFile(directory.resolve(MessageTemplates.fileName(k)))).count();
        return replaced + " of " + MessageKind.values().length + " templates replaced, all compile";
    }
}
