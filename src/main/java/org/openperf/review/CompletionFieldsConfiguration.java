package org.openperf.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.openperf.kernel.EngineAccess;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** {@link CompletionFieldsFilter} on both of Camunda's REST APIs, after their authentication. */
@Configuration
public class CompletionFieldsConfiguration {

    @Bean
    FilterRegistrationBean<CompletionFieldsFilter> completionFields(TaskService tasks, IdentityService identity,
                                                                   StepRules rules,
                                                                   EngineAccess engine, ObjectMapper json) {
        FilterRegistrationBean<CompletionFieldsFilter> bean =
                new FilterRegistrationBean<>(new CompletionFieldsFilter(tasks, identity, rules, engine, json));
        bean.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        bean.setName("completion-fields");
        bean.setOrder(Ordered.LOWEST_PRECEDENCE - 50);
        return bean;
    }
}
