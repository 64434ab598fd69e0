package org.firebreak.shared.web;

import java.util.List;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Supplies the {@link Actor} argument of API handlers from the request. */
@Configuration(proxyBeanMethods = false)
class ActorResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    private static final String HEADER = "X-Firebreak-Actor";

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Actor.class;
    }

    @Override
    public Actor resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
            WebDataBinderFactory binders) {
        String header = request.getHeader(HEADER);
        if (header == null || header.isBlank()) {
            return new Actor(Actor.ANONYMOUS, Role.ADMIN);
        }
        String name = header.strip();
        if (name.length() > 100 || name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidRequestField(HEADER, "must be a name of at most 100 printable characters");
        }
        return new Actor(name, Role.ADMIN);
    }
}
