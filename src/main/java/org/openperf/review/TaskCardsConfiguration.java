package org.openperf.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The cards' filter on /engine-rest and the webapps' engine API, after the login filters. */
@Configuration
public class TaskCardsConfiguration {

    @Bean
    FilterRegistrationBean<TaskCardsFilter> taskCardsFilter(TaskCards cards, ObjectMapper json) {
        FilterRegistrationBean<TaskCardsFilter> bean = new FilterRegistrationBean<>(new TaskCardsFilter(cards, json));
        bean.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        bean.setName("task-cards");
        bean.setOrder(Ordered.LOWEST_PRECEDENCE);
        return bean;
    }
}
