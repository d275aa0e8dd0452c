-- Participants as data (issue 15): who is connected, stored here instead of application.yml, with every
-- change kept. The triggers keep the version and the history, so a change made with plain SQL (an
-- operator's fix, a restore) is versioned, recorded and seen by every hub instance like one made through
-- the API. The actor is the transaction's setting lintas.actor (the API sets it), else the database user.
create table participant (
    id         text        primary key check (id ~ '^[a-z][a-z0-9]*(-[a-z0-9]+)*$' and length(id) <= 40),
    name       text        not null,
    region     text        not null,
    format     text        not null,
    endpoint   text,
    zone       text        not null,
    status     text        not null default 'ACTIVE' check (status in ('ACTIVE', 'SUSPENDED')),
    version    bigint      not null default 1,
    updated_at timestamptz not null default clock_timestamp(),
    updated_by text        not null default ''
);

create table participant_history (
    id             bigserial   primary key,
    -- No delete: a participant is suspended, and its history keeps it from being removed by accident.
    participant_id text        not null references participant (id),
    version        bigint      not null,
    change         text        not null check (change in ('CREATED', 'SEEDED', 'UPDATED', 'SUSPENDED', 'REINSTATED')),
    changed_at     timestamptz not null,
    changed_by     text        not null,
    name           text        not null,
    region         text        not null,
    format         text        not null,
    endpoint       text,
    zone           text        not null,
    status         text        not null,
    unique (participant_id, version)
);

create function participant_versioned() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' then
        if (new.name, new.region, new.format, new.endpoint, new.zone, new.status)
                is not distinct from (old.name, old.region, old.format, old.endpoint, old.zone, old.status) then
            return old; -- nothing changed: no new version, nothing for other instances to reload
        end if;
        new.id := old.id;
        new.version := old.version + 1;
    else
        new.version := 1;
    end if;
    new.updated_at := clock_timestamp();
    new.updated_by := coalesce(nullif(current_setting('lintas.actor', true), ''), 'database user ' || session_user);
    return new;
end;
$$;

create function participant_recorded() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and new.version = old.version then
        return null;
    end if;
    insert into participant_history (participant_id, version, change, changed_at, changed_by,
                                     name, region, format, endpoint, zone, status)
    values (new.id, new.version,
            case
                when tg_op = 'INSERT' and new.updated_by = 'configuration' then 'SEEDED'
                when tg_op = 'INSERT' then 'CREATED'
                when old.status = 'ACTIVE' and new.status = 'SUSPENDED' then 'SUSPENDED'
                when old.status = 'SUSPENDED' and new.status = 'ACTIVE' then 'REINSTATED'
                else 'UPDATED'
            end,
            new.updated_at, new.updated_by, new.name, new.region, new.format, new.endpoint, new.zone, new.status);
    return null;
end;
$$;

create trigger participant_versioned before insert or update on participant
    for each row execute function participant_versioned();

create trigger participant_recorded after insert or update on participant
    for each row execute function participant_recorded();
