-- Groups of office and department heads who read everything of a programme (Cockpit, overview).
create table programme_manager_group (
  programme_id bigint      not null references programme (id),
  group_id     varchar(64) not null,
  primary key (programme_id, group_id)
);
