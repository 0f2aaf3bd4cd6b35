package org.openperf.review.forms;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The form-variables filter on /engine-rest and the webapps' engine API, after the login filters. */
@Configuration
public class TaskFormVariablesConfiguration {

    @Bean
    FilterRegistrationBean<TaskFormVariablesFilter> taskFormVariablesFilter(TaskFormVariables forms,
                                                                          ObjectMapper json) {
        FilterRegistrationBean<TaskFormVariablesFilter> bean =
                new FilterRegistrationBean<>(new TaskFormVariablesFilter(forms, json));
        bean.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        bean.setName("task-form-variables");
        bean.setOrder(Ordered.LOWEST_PRECEDENCE);
        return bean;
    }
}
