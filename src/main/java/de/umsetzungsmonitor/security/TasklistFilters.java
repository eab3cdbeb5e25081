package de.umsetzungsmonitor.security;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Service;

/** The shared Tasklist filters every user sees, created once at start-up. */
@Service
class TasklistFilters {

  private final FilterService filters;
  private final TaskService tasks;

  TasklistFilters(FilterService filters, TaskService tasks) {
    this.filters = filters;
    this.tasks = tasks;
  }

  void ensureAll() {
    ensure("Meine Aufgaben", "Aufgaben, die Sie übernommen haben", -10,
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    ensure("Aufgaben meiner Stellen", "Offene Aufgaben Ihrer Stellen, auch Protokolle, die Sie unterzeichnen sollen", 0,
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}"));
  }

  private void ensure(String name, String description, int priority, TaskQuery query) {
    if (filters.createFilterQuery().filterName(name).count() > 0) {
      return;
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("refresh", true);
    Filter filter = filters.newTaskFilter(name).setProperties(properties).setQuery(query);
    filters.saveFilter(filter);
  }
}
