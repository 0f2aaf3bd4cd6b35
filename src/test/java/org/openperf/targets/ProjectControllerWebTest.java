package org.openperf.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.openperf.kernel.ConflictException;
import org.openperf.kernel.InvalidInputException;
import org.openperf.kernel.NotFoundException;
import org.openperf.kernel.Scope;
import org.openperf.security.EngineAuthenticationFilter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The project API's web layer alone (a web slice, no engine, no database, in about a second): whose scope a request
 * acts in comes from the logged-in user, and the kernel's errors answer with their status and the service's
 * message, whatever feature throws them. The full app's tests cover the service behind it.
 */
@WebMvcTest(controllers = ProjectController.class,
        excludeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE,
                classes = EngineAuthenticationFilter.class))
@AutoConfigureMockMvc(addFilters = false)
class ProjectControllerWebTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    ProjectService service;

    static final String TABLE = """
            {"year": 2030, "name": "培训项目", "unit": {"code": "402001"}, "budget": 12, "indicators": []}""";

    private void loggedInAs(String user, String... groups) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user,
                "demo", java.util.Arrays.stream(groups).map(g -> new SimpleGrantedAuthority("GROUP_" + g)).toList()));
    }

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aUnitsRequestActsInThatUnitsScopeOnly() throws Exception {
        loggedInAs("unit402004", "unit-402004");
        when(service.view(eq(7L), any())).thenThrow(new NotFoundException("项目 7 不存在"));

        mvc.perform(get("/api/projects/7")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.message").value("项目 7 不存在"));

        ArgumentCaptor<Scope> scope = ArgumentCaptor.forClass(Scope.class);
        verify(service).view(eq(7L), scope.capture());
        assertThat(scope.getValue().covers("402004", "402")).isTrue();
        assertThat(scope.getValue().covers("402001", "402")).isFalse();
        assertThat(scope.getValue().all()).isFalse();
    }

    @Test
    void financeActsInEveryScope() throws Exception {
        loggedInAs("finance", "finance");
        when(service.view(eq(8L), any())).thenThrow(new NotFoundException("项目 8 不存在"));
        mvc.perform(get("/api/projects/8")).andExpect(status().isNotFound());
        ArgumentCaptor<Scope> scope = ArgumentCaptor.forClass(Scope.class);
        verify(service).view(eq(8L), scope.capture());
        assertThat(scope.getValue().all()).isTrue();
    }

    @Test
    void theKernelsErrorsAnswerWithTheirStatusAndTheServicesWords() throws Exception {
        loggedInAs("unit402001", "unit-402001");
        when(service.update(eq(9L), any(), any())).thenThrow(new ConflictException("目标表正在审核中，不能修改"));
        mvc.perform(put("/api/projects/9").contentType(MediaType.APPLICATION_JSON).content(TABLE))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.message").value("目标表正在审核中，不能修改"));

        when(service.update(eq(10L), any(), any())).thenThrow(
                new InvalidInputException("目标表有 1 处错误", List.of("第 2 个指标没有指标值")));
        mvc.perform(put("/api/projects/10").contentType(MediaType.APPLICATION_JSON).content(TABLE))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value("目标表有 1 处错误"))
                .andExpect(jsonPath("$.problems[0]").value("第 2 个指标没有指标值"));

        // Spring's own refusal of a malformed request, in the same shape.
        mvc.perform(get("/api/projects/abc")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").exists());
    }
}
