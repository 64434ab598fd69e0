package org.firebreak.detection.web;

import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.media.StringSchema;
import org.firebreak.detection.AlertApi;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import tools.jackson.databind.json.JsonMapper;

/**
 * Puts {@link AlertIntakeFilter} first in line for the intake paths, and describes its two endpoints in the OpenAPI
 * description, where no controller method does.
 */
@Configuration(proxyBeanMethods = false)
class AlertIntakeEndpoints {

    @Bean
    FilterRegistrationBean<AlertIntakeFilter> alertIntakeFilter(AlertApi alerts, JsonMapper json, MeterRegistry meters) {
        FilterRegistrationBean<AlertIntakeFilter> registration =
                new FilterRegistrationBean<>(new AlertIntakeFilter(alerts, json, meters));
        registration.addUrlPatterns(AlertIntakeFilter.PATHS);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setName("alertIntake");
        return registration;
    }

    @Bean
    OpenApiCustomizer alertIntakeDescription() {
        return api -> {
            api.path("/api/v1/integrations/{name}/alertmanager", new PathItem().post(operation("alertmanagerWebhook",
                    "Prometheus Alertmanager webhook (payload version 4), authenticated by a bearer token; a "
                            + "notification's alerts share one incident; answers after they are stored",
                    "200", "how many alerts were stored", Map.of("status", "success", "alerts", 3))));
            api.path("/api/v1/integrations/{name}/pagerduty", new PathItem().post(operation("pagerDutyEvent",
                    "PagerDuty Events API v2 event; routing_key is the integration's secret; answers after it is stored",
                    "202", "as PagerDuty answers",
                    Map.of("status", "success", "message", "Event processed", "dedup_key", "rpc-down-1"))));
        };
    }

    private static Operation operation(String id, String summary, String code, String answer, Map<String, Object> example) {
        return new Operation().operationId(id).summary(summary).addTagsItem("External alerts")
                .addParametersItem(new Parameter().in("path").name("name").required(true).schema(new StringSchema()))
                .requestBody(new RequestBody().required(true).content(new Content().addMediaType("application/json",
                        new MediaType().schema(new ObjectSchema()))))
                .responses(new ApiResponses()
                        .addApiResponse(code, new ApiResponse().description(answer).content(new Content()
                                .addMediaType("application/json", new MediaType().example(example))))
                        .addApiResponse("400", new ApiResponse().description("malformed; the problem names the field"))
                        .addApiResponse("401", new ApiResponse().description("wrong or missing secret"))
                        .addApiResponse("404", new ApiResponse().description("no such integration")));
    }
}
