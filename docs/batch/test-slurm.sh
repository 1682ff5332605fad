#!/usr/bin/env bash
# train-batch on a real Slurm scheduler: starts a one-node Slurm cluster on this machine (Debian's
# slurm-wlm 22.05 and munge, installed if missing; munged, slurmctld and slurmd with their state,
# ports, key and logs in one temporary folder), submits docs/batch/slurm-train-batch.sh unchanged
# as a job array over 6 real image/mask pairs with tiny settings, and checks, with the scheduler's
# own tools (squeue, scancel, sacct on the job completion log):
#   1. a 3-task array: every pair trained exactly once and sampled, manifest.csv lists every
#      output exactly once, no task failed;
#   2. one array task cancelled (scancel) while it trains, that index resubmitted
#      (SHARDS=3 sbatch --array=1): it resumes from its checkpoint and the manifest is complete;
#   3. the node restarted with the shared output folder mounted read-only: its task fails with
#      exit code 2 and the app's message in the job log, and the output folder is untouched.
# Then it stops the cluster and removes everything it made (on every exit path); installed
# packages stay. About 3 minutes on 2 cores. Needs root (it starts the daemons and mounts).
#   sudo bash docs/batch/test-slurm.sh          (CI: .ci/run)
# Data: 6 pairs of ../shared/data/polypgen beside the checkout, else the bundled demo pair under 6
# names (or DATA_SRC=DIR with images/ and masks/).
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
script=$repo/docs/batch/slurm-train-batch.sh
started=$SECONDS

PAIRS=6
TASKS=3
SAMPLES=2
TRAIN_OPTS="--max-size 48 --iterations 40"   # 3 scales of 25-48 px: seconds per pair
JAVA_OPTS="-Xmx1g -Dorg.bytedeco.javacpp.platform.extension=-onednn"
WAIT_LIMIT=${WAIT_LIMIT:-240}   # seconds any one wait may take before the test fails

say() { echo "test-slurm.sh: $*"; }

[ "$(id -u)" -eq 0 ] || { say "needs root: it starts munged, slurmctld and slurmd, and mounts a folder read-only" >&2; exit 1; }
# The read-only node is slurmd in its own mount namespace; a container without CAP_SYS_ADMIN
# cannot make one, and then only that part is left out (said below).
ro_node=""
! unshare --mount --propagation private true 2>/dev/null || ro_node=1

# --- Diagnostics and cleanup (armed before anything is made) -------------------------------
ws=""
conf=/nonexistent
pids=()            # daemons started here, by process id
diagnosed=""
policy_made=""
diagnostics() {
  [ -z "$diagnosed" ] || return 0
  diagnosed=1
  echo "=================== diagnostics ==================="
  squeue -a 2>&1 | head -20 || true
  sinfo -N -l 2>&1 | head -10 || true
  sacct -c -a 2>&1 | head -30 || true
  for f in "$ws"/log/*.log "$ws"/munge/munged.log; do
    [ -f "$f" ] && { echo "----- $f (last 40 lines)"; tail -n 40 "$f"; }
  done
  for f in "$ws"/jobs/*.log; do
    [ -f "$f" ] && { echo "----- job log $f (last 30 lines, progress bars left out)"; grep -v '^  \[' "$f" | tail -n 30; }
  done
  echo "==================================================="
}

# Processes of this cluster: the daemons, the job steps and the jobs all carry our SLURM_CONF.
our_processes() {
  local p
  for p in /proc/[0-9]*; do
    [ "${p#/proc/}" != "$$" ] && [ "${p#/proc/}" != "$BASHPID" ] || continue
    if tr '\0' '\n' 2>/dev/null <"$p/environ" | grep -qxF "SLURM_CONF=$conf"; then echo "${p#/proc/}"; fi
  done
}

stop_pids() {   # TERM, then KILL what is left after 10 s
  local left=("$@") i
  [ ${#left[@]} -gt 0 ] || return 0
  kill -TERM "${left[@]}" 2>/dev/null || true
  for i in $(seq 1 50); do
    kill -0 "${left[@]}" 2>/dev/null || return 0
    sleep 0.2
  done
  kill -KILL "${left[@]}" 2>/dev/null || true
}

cleanup() {
  local rc=$?
  set +e
  [ -z "$policy_made" ] || rm -f /usr/sbin/policy-rc.d
  [ -n "$ws" ] || exit "$rc"
  [ "$rc" -eq 0 ] || diagnostics
  if [ -d "$ws" ]; then
    if [ -f "$conf" ] && [ ${#pids[@]} -gt 0 ]; then
      scancel --full $(squeue -h -o %A 2>/dev/null) 2>/dev/null
    fi
    stop_pids $(our_processes)
    [ -f "$ws/munge/munged.pid" ] && stop_pids "$(cat "$ws/munge/munged.pid")"
    rm -rf "$ws"
  fi
  say "cluster stopped, $ws removed; $((SECONDS - started)) s in all"
  exit "$rc"
}

trap cleanup EXIT
trap 'exit 130' INT TERM HUP

# --- Slurm and munge from Debian, without starting their system services -------------------
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v sbatch >/dev/null \
    || ! command -v munged >/dev/null; then
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d && policy_made=1
  fi
  say "installing slurm-wlm and munge (Debian)"
  apt_rc=0
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      slurm-wlm munge >/dev/null; } || apt_rc=$?
  [ -z "$policy_made" ] || { rm -f /usr/sbin/policy-rc.d; policy_made=""; }
  [ "$apt_rc" -eq 0 ] || { say "apt-get install slurm-wlm munge failed ($apt_rc)" >&2; exit 1; }
fi
say "slurm-wlm $(dpkg-query -W -f '${Version}' slurmctld 2>/dev/null || echo '(not from Debian)'), $(munged --version 2>&1 | head -1)"

# --- The app, built as the script's header says -------------------------------------------
mvn -q -Dstyle.color=never compile dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=target/lib

# --- Workspace and data --------------------------------------------------------------------
ws=$(mktemp -d /tmp/singan-slurm.XXXXXX)
chmod 755 "$ws"   # munged wants every folder above its socket open to all
mkdir -p "$ws"/{etc,munge,state,spool,log,jobs,data/images,data/masks,out}
conf=$ws/etc/slurm.conf
export SLURM_CONF=$conf

src=${DATA_SRC:-$repo/../shared/data/polypgen}
if [ -d "$src/images" ] && [ -d "$src/masks" ]; then
  mapfile -t names < <(find "$src/images" -maxdepth 1 -type f -printf '%f\n' | LC_ALL=C sort | head -n "$PAIRS")
  for name in "${names[@]}"; do
    base=${name%.*}
    mask=$(find "$src/masks" -maxdepth 1 -type f -name "$base.*" -printf '%p\n' | head -1)
    [ -n "$mask" ] || continue
    cp "$src/images/$name" "$ws/data/images/" && cp "$mask" "$ws/data/masks/"
  done
  data_note="$(find "$ws/data/images" -type f | wc -l) real pairs of $(cd "$src" && pwd)"
else
  for i in $(seq 1 "$PAIRS"); do
    cp assets/demo/polyp-image.jpg "$ws/data/images/demo-$i.jpg"
    cp assets/demo/polyp-mask.jpg "$ws/data/masks/demo-$i.jpg"
  done
  data_note="no images/ and masks/ in $src: the bundled demo pair (assets/demo) under $PAIRS names"
fi
mapfile -t pairs < <(find "$ws/data/images" -type f -printf '%f\n' | sed 's/\.[^.]*$//' | LC_ALL=C sort)
[ "${#pairs[@]}" -eq "$PAIRS" ] || { say "expected $PAIRS pairs in $ws/data, found ${#pairs[@]}" >&2; exit 1; }
say "data: $data_note"

fail() {
  say "FAILED: $*" >&2
  diagnostics >&2
  exit 1
}

# wait_until DESCRIPTION COMMAND...: polls until COMMAND succeeds, at most WAIT_LIMIT seconds.
wait_until() {
  local what=$1 deadline=$((SECONDS + WAIT_LIMIT))
  shift
  until "$@"; do
    [ "$SECONDS" -lt "$deadline" ] || fail "gave up after ${WAIT_LIMIT} s waiting for $what"
    sleep 0.5
  done
}

# --- The cluster -------------------------------------------------------------------------
# Two TCP ports no socket on this machine uses (below the ephemeral range).
used_ports() {
  local _ local_address
  while read -r _ local_address _; do
    [[ "$local_address" == *:* ]] && echo $((16#${local_address##*:}))
  done < <(tail -q -n +2 /proc/net/tcp /proc/net/tcp6 2>/dev/null)
}
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 10000))
    used_ports | grep -qx "$port" || [ "$port" = "${1:-}" ] || { echo "$port"; return; }
  done
}

host=$(hostname -s)
node=singan-ci
hardware=$(slurmd -C | head -1 | sed 's/^NodeName=[^ ]* //')   # CPUs=2 Boards=1 ... RealMemory=...
cpus=$(sed -n 's/.*CPUs=\([0-9]*\).*/\1/p' <<<"$hardware")
printf '' >"$ws/etc/plugstack.conf"
dd if=/dev/urandom of="$ws/munge/munge.key" bs=1024 count=1 status=none
chmod 600 "$ws/munge/munge.key"

write_conf() {
  cat >"$conf" <<EOF
ClusterName=singanci
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$1
SlurmdPort=$2
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$ws/munge/munge.socket
StateSaveLocation=$ws/state
SlurmdSpoolDir=$ws/spool
SlurmctldPidFile=$ws/state/slurmctld.pid
SlurmdPidFile=$ws/spool/slurmd.pid
SlurmctldLogFile=$ws/log/slurmctld.log
SlurmdLogFile=$ws/log/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
PlugStackConfig=$ws/etc/plugstack.conf
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/filetxt
JobCompLoc=$ws/log/jobcomp.txt
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
ReturnToService=2
KillWait=15
MinJobAge=3600
SlurmdTimeout=60
MessageTimeout=20
NodeName=$node NodeHostname=$host NodeAddr=127.0.0.1 $hardware State=UNKNOWN
PartitionName=ci Nodes=$node Default=YES MaxTime=INFINITE State=UP
EOF
}

node_state() { sinfo -h -n "$node" -o %t 2>/dev/null; }
node_idle() { [ "$(node_state)" = "idle" ]; }

# slurmd for the node; with an argument, in a mount namespace where that folder is read-only.
start_slurmd() {
  if [ $# -eq 0 ]; then
    slurmd -D -N "$node" -f "$conf" >>"$ws/log/slurmd.out" 2>&1 &
  else
    unshare --mount --propagation private -- sh -c \
        'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && exec slurmd -D -N "$2" -f "$3"' \
        sh "$1" "$node" "$conf" >>"$ws/log/slurmd.out" 2>&1 &
  fi
  slurmd_pid=$!
  pids+=("$slurmd_pid")
}

munged --key-file="$ws/munge/munge.key" --socket="$ws/munge/munge.socket" --pid-file="$ws/munge/munged.pid" \
    --log-file="$ws/munge/munged.log" --seed-file="$ws/munge/munged.seed" \
  || fail "munged did not start"
pids+=("$(cat "$ws/munge/munged.pid")")

for attempt in 1 2 3; do
  ctld_port=$(free_port)
  slurmd_port=$(free_port "$ctld_port")
  write_conf "$ctld_port" "$slurmd_port"
  slurmctld -D -f "$conf" >>"$ws/log/slurmctld.out" 2>&1 &
  ctld_pid=$!
  pids+=("$ctld_pid")
  start_slurmd
  deadline=$((SECONDS + 60))
  while ! node_idle && kill -0 "$ctld_pid" "$slurmd_pid" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do
    sleep 0.5
  done
  node_idle && break
  say "cluster start $attempt failed (ports $ctld_port/$slurmd_port, node state '$(node_state)'); retrying"
  stop_pids "$ctld_pid" "$slurmd_pid"
  [ "$attempt" -lt 3 ] || fail "the cluster did not come up"
done
say "cluster up: slurmctld on 127.0.0.1:$ctld_port, slurmd ($node, $cpus CPUs) on :$slurmd_port"

# --- Submitting the documented script ------------------------------------------------------
# Options on the sbatch line override the script's #SBATCH lines; the script itself is unchanged.
submit() {   # submit SHARDS SBATCH_OPTIONS... ; prints the job id (SHARDS empty: the array's own count)
  local shards=$1
  shift
  (cd "$ws/jobs" && SHARDS=$shards STUDIO=$repo DATA=$ws/data OUT=$ws/out PRESET=quick SAMPLES=$SAMPLES \
      TRAIN_OPTS=$TRAIN_OPTS JAVA_OPTS=$JAVA_OPTS \
      sbatch --parsable --cpus-per-task=1 --mem=1500M --time=10:00 "$@" "$script") | cut -d';' -f1
}
job_gone() { [ -z "$(squeue -h -j "$1" -o %i 2>/dev/null)" ]; }
log_of() { echo "$ws/jobs/train-batch-$1_$2.log"; }
# sacct reads the job completion log (jobcomp/filetxt; there is no accounting database here). Its
# JobID is the array task's own job id: 22.05's sacct cannot parse the log's ArrayJobId and
# ArrayTaskId fields (it says "Unknown type ArrayJobId"), so scontrol, which keeps finished jobs
# for MinJobAge, tells which array task each id is.
raw_id() { scontrol -o show job "$1_$2" 2>/dev/null | tr ' ' '\n' | sed -n 's/^JobId=//p' | head -1; }
completion() {   # completion JOB INDEX: that array task's line of sacct -c
  local id
  id=$(raw_id "$1" "$2")
  [ -n "$id" ] || return 0
  sacct -c -a -n -P -o jobid,jobname,state,exitcode,start,end,nodelist 2>/dev/null | awk -F'|' -v id="$id" '$1 == id'
}
array_task_state() {   # array_task_state JOB INDEX: state of that array task (scontrol keeps finished jobs)
  scontrol -o show job "$1_$2" 2>/dev/null | tr ' ' '\n' | sed -n 's/^JobState=//p' | head -1
}

job=$(submit "" --array=0-$((TASKS - 1)))
[[ "$job" =~ ^[0-9]+$ ]] || fail "sbatch gave no job id: $job"
say "submitted job array $job (${TASKS} tasks over ${PAIRS} pairs, ${SAMPLES} samples each, $TRAIN_OPTS)"

# --- Fault 1: scancel task 1 once its first pair has a checkpoint -------------------------
victim=1
victim_log=$(log_of "$job" "$victim")
checkpointed() {
  local state
  state=$(array_task_state "$job" "$victim")
  case "$state" in PENDING|RUNNING|CONFIGURING|"") ;; *) fail "task ${job}_$victim ended ($state) before it could be cancelled";; esac
  [ -f "$victim_log" ] && grep -q "checkpoint saved" "$victim_log"
}
wait_until "task ${job}_$victim to save its first checkpoint" checkpointed
scancel "${job}_$victim"
say "scancel ${job}_$victim after: $(grep -m1 'checkpoint saved' "$victim_log")"
wait_until "the cancelled task to end" job_gone "${job}_$victim"
half=$(sed -n 's/^\[1\/[0-9]*\] //p' "$victim_log" | head -1)
[ -n "$half" ] && [ -f "$ws/out/models/$half.singan" ] || fail "no checkpoint of the cancelled task's pair '$half'"
[ ! -f "$ws/out/models/$half.json" ] || fail "the cancelled pair $half already has its record: it was not cut short"
say "task ${job}_$victim: $(array_task_state "$job" "$victim"); $half left half-trained ($ws/out/models/$half.singan)"

# Resubmit only that index; SHARDS keeps it shard 1 of 3.
again=$(submit "$TASKS" --array=$victim)
[[ "$again" =~ ^[0-9]+$ ]] || fail "sbatch gave no job id: $again"
say "resubmitted index $victim as job $again (SHARDS=$TASKS sbatch --array=$victim)"
wait_until "job array $job to finish" job_gone "$job"
wait_until "job $again to finish" job_gone "$again"

# --- Checks ------------------------------------------------------------------------------
say "sacct -c -o jobid,jobname,state,exitcode,start,end,nodelist (from the job completion log):"
tasks=()
for i in $(seq 0 $((TASKS - 1))); do tasks+=("$job $i"); done
tasks+=("$again $victim")
for t in "${tasks[@]}"; do
  read -r j i <<<"$t"
  line=$(completion "$j" "$i")
  printf '    %-8s %s\n' "${j}_$i" "${line:-(no line in the job completion log)}"
  state=$(array_task_state "$j" "$i")
  if [ "$j" = "$job" ] && [ "$i" -eq "$victim" ]; then
    [ "$state" = CANCELLED ] && [[ "$line" == *"|CANCELLED|"* ]] || fail "task ${j}_$i: $state, expected CANCELLED"
  else
    [ "$state" = COMPLETED ] && [[ "$line" == *"|COMPLETED|0:0|"* ]] || fail "task ${j}_$i: $state ($line), expected COMPLETED, exit 0"
  fi
done
say "the cancelled task's log ends: $(grep -v '^  \[' "$victim_log" | tail -n 2 | tr '\n' ' ')"

resumed_log=$(log_of "$again" "$victim")
grep -q "^Resuming after [0-9]* finished scale" "$resumed_log" || fail "the resubmitted task did not resume"
grep -q "^  $half: resumed from its checkpoint," "$resumed_log" || fail "$half was not resumed"
say "resumed: $(grep -m1 '^Resuming after' "$resumed_log") $(grep -m1 "^  $half: resumed" "$resumed_log" | sed 's/^ *//')"

logs=("$ws"/jobs/train-batch-*.log)
for pair in "${pairs[@]}"; do
  done_lines=$(cat "${logs[@]}" | grep -cE "^  $pair: (trained|resumed from its checkpoint)," || true)
  [ "$done_lines" -eq 1 ] || fail "$pair was trained $done_lines times (expected once)"
  [ -f "$ws/out/models/$pair.singan" ] && [ -f "$ws/out/models/$pair.json" ] || fail "$pair has no model or record"
done
grep -h "Exception" "${logs[@]}" && fail "an exception in a job log"

manifest=$ws/out/manifest.csv
[ -f "$manifest" ] || fail "no manifest.csv"
rows=$(($(wc -l <"$manifest") - 1))
[ "$rows" -eq $((PAIRS * SAMPLES)) ] || fail "manifest.csv has $rows rows, expected $((PAIRS * SAMPLES))"
[ "$(tail -n +2 "$manifest" | cut -d, -f1 | sort -u | wc -l)" -eq "$rows" ] || fail "an output listed twice"
for pair in "${pairs[@]}"; do
  n=$(tail -n +2 "$manifest" | cut -d, -f1 | grep -c "^images/${pair}_[0-9]*\.png$" || true)
  [ "$n" -eq "$SAMPLES" ] || fail "manifest.csv lists $n samples of $pair, expected $SAMPLES"
done
while IFS=, read -r image mask _; do
  [ -f "$ws/out/$image" ] && [ -f "$ws/out/$mask" ] || fail "manifest.csv lists $image / $mask, not on disk"
done < <(tail -n +2 "$manifest")
say "manifest.csv: $rows rows, ${SAMPLES} samples of each of the ${PAIRS} pairs, each once, all on disk; every pair trained once"

# --- Fault 2: the node with the shared output folder mounted read-only ---------------------
if [ -z "$ro_node" ]; then
  say "LEFT OUT: the read-only node (this machine cannot make a mount namespace: unshare --mount needs CAP_SYS_ADMIN)"
  say "passed in $((SECONDS - started)) s"
  exit 0
fi
registered=$(grep -c "slurmd started on" "$ws/log/slurmd.log")
slurmd_restarted() { [ "$(grep -c "slurmd started on" "$ws/log/slurmd.log")" -gt "$registered" ] && node_idle; }
stop_pids "$slurmd_pid"
start_slurmd "$ws/out"
wait_until "the node to come back (output folder read-only)" slurmd_restarted
before=$(cd "$ws/out" && find . -type f -exec md5sum {} + | sort | md5sum)
ro=$(submit "$TASKS" --array=0)
[[ "$ro" =~ ^[0-9]+$ ]] || fail "sbatch gave no job id: $ro"
wait_until "job $ro to finish" job_gone "$ro"
ro_log=$(log_of "$ro" 0)
ro_line=$(completion "$ro" 0)
say "read-only node, sacct -c: ${ro}_0 $ro_line"
[ "$(array_task_state "$ro" 0)" = FAILED ] || fail "task ${ro}_0 on the read-only node: $(array_task_state "$ro" 0), expected FAILED"
[[ "$ro_line" == *"|FAILED|2:0|"* ]] || fail "task ${ro}_0 did not exit with code 2"
grep -q "^Error: Cannot write to $ws/out: the folder is read-only" "$ro_log" \
  || fail "no clear message in the job log of ${ro}_0"
! grep -q "Exception\|Scale 1/" "$ro_log" || fail "a stack trace or training in ${ro}_0's log"
after=$(cd "$ws/out" && find . -type f -exec md5sum {} + | sort | md5sum)
[ "$before" = "$after" ] || fail "the output folder changed"
say "read-only node, job log: $(grep '^Error:' "$ro_log")"

say "passed in $((SECONDS - started)) s"
