package org.firebreak.cli;

import java.io.IOException;
import java.io.File;
import java.util.jar.JarFile;

/** Whether a class path is one executable Spring Boot jar (its manifest names a {@code Start-Class}). */
final class SpringBootJar {

    private SpringBootJar() {
    }

    static boolean is(String classPath) {
        if (classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
            return false;
        }
        try (JarFile jar = new JarFile(classPath)) {
            return jar.getManifest() != null && jar.getManifest().getMainAttributes().getValue("Start-Class") != null;
        } catch (IOException e) {
            return false;
        }
    }
}
