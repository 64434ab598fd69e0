package org.firebreak.shared.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * An address refused before any handler runs is answered like every other refusal, problem+json naming
 * {@code path}, not a servlet container's HTML page: one Spring Security's firewall refuses ({@code ..}, an encoded
 * dot or line break), and one Tomcat refuses while parsing it (an encoded slash or NUL, an overlong UTF-8 form).
 */
@Configuration(proxyBeanMethods = false)
class RejectedAddresses {

    static final String PATH_REFUSED = """
            {"title":"Invalid request","status":400,"detail":"path: the address holds a segment that is not allowed \
            (an encoded slash, dot segment, control character or malformed UTF-8)","errors":[{"field":"path",\
            "message":"the address holds a segment that is not allowed (an encoded slash, dot segment, control \
            character or malformed UTF-8)"}]}""";

    @Bean
    RequestRejectedHandler problemForRejectedAddress() {
        return (request, response, rejected) -> {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getOutputStream().write(PATH_REFUSED.getBytes(StandardCharsets.UTF_8));
        };
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemForUnparsableAddress() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }

    /** Tomcat's report of a request it refused before the application saw it, as problem+json. */
    public static class ProblemReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            String body = status == 400 ? PATH_REFUSED
                    : "{\"title\":\"" + (known == null ? "Error" : known.getReasonPhrase()) + "\",\"status\":" + status + "}";
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(body);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client went away or the response was already sent: nothing more to say
            }
        }
    }
}
