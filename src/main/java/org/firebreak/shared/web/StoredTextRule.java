package org.firebreak.shared.web;

import java.beans.PropertyEditorSupport;

import org.firebreak.shared.StoredText;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Holds every request to {@link StoredText}'s rule before a handler runs: each string of a JSON body (values and
 * object keys) and each form field, request parameter and path variable. A refused text is a 400 that names the
 * field (by its path in the body, e.g. {@code fiveWhys[1].because}), and nothing is written.
 */
@Configuration(proxyBeanMethods = false)
@ControllerAdvice
class StoredTextRule {

    @Bean
    JsonMapperBuilderCustomizer storedTextOnly() {
        return builder -> builder.addModule(new SimpleModule("stored-text")
                .addDeserializer(String.class, new TextDeserializer())
                .addKeyDeserializer(String.class, new TextKeyDeserializer()));
    }

    @InitBinder
    void storedTextOnly(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new TextEditor());
    }

    /** Jackson's own string reading, then the rule; the failure carries the path, so the 400 names the field. */
    private static final class TextDeserializer extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String text = super.deserialize(p, ctxt);
            if (text != null) {
                var refusal = StoredText.refusal(text);
                if (refusal.isPresent()) {
                    throw InvalidFormatException.from(p, refusal.get(), text, String.class);
                }
            }
            return text;
        }
    }

    private static final class TextKeyDeserializer extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) {
            var refusal = StoredText.refusal(key);
            return refusal.isEmpty() ? key : ctxt.handleWeirdKey(String.class, key, "%s", refusal.get());
        }
    }

    /** Form fields and parameters as typed; a refused one is a binding error naming the field. */
    private static final class TextEditor extends PropertyEditorSupport {
        @Override
        public void setAsText(@Nullable String text) {
            if (text != null) {
                StoredText.refusal(text).ifPresent(reason -> {
                    throw new IllegalArgumentException(reason);
                });
            }
            setValue(text);
        }
    }
}
