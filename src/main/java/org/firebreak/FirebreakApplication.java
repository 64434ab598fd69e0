package org.firebreak;

import java.time.Clock;

import org.firebreak.cli.FirebreakCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Firebreak: incident response for smart-account infrastructure. {@code main} is the command line; its
 * {@code up} command starts this Spring application, every other command is a client of its REST API.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
@Modulithic(systemName = "Firebreak", sharedModules = "shared")
public class FirebreakApplication {

    public static void main(String[] args) {
        int exit = FirebreakCli.run(args, springArgs -> SpringApplication.run(FirebreakApplication.class, springArgs));
        if (exit != FirebreakCli.KEEP_RUNNING) {
            System.exit(exit);
        }
    }

    /** The one source of "now"; tests replace it with a controllable clock. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
