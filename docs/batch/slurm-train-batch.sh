#!/bin/bash
# SinGAN-Seg Studio: train-batch as a Slurm job array.
#
# Task k of an array of N takes every N-th pair in name order starting at k (--shard k/N), so the
# tasks share one dataset folder with no coordination. Every task writes only its own pairs'
# models and samples, and at its end rebuilds OUT/manifest.csv from all pairs' records, so the
# manifest written by the last task to finish lists everything. A task that is killed, times out
# or is pre-empted loses at most the scale it was training: resubmit the same array (or let
# --requeue do it) and each task skips its finished pairs and resumes its half-trained one.
#
# Once, on a login node, in the checkout of SinGAN-Seg Studio (on a file system the nodes share):
#   mvn -q compile dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=target/lib
# (for GPU nodes add -Pcuda, and set JAVA_OPTS without the oneDNN extension below; untested). Then:
#   STUDIO=$PWD DATA=/path/to/polyps OUT=/path/to/synthetic sbatch docs/batch/slurm-train-batch.sh
# DATA holds images/ and masks/ (matched by base name: abc.jpg with abc.png, abc_mask.png or
# abc-mask.png). The array must be a contiguous range: N is the array's task count. To run only
# some shards of N (again, after scancel or a failed task), give N; the indices are the shards:
#   SHARDS=8 STUDIO=... DATA=... OUT=... sbatch --array=3,5 docs/batch/slurm-train-batch.sh
# More options: PRESET (default standard), SAMPLES (samples per pair, default 10), TRAIN_OPTS (any
# other train-batch options, e.g. "--iterations 400 --seed 7"), JAVA_OPTS. Options given to sbatch
# override the #SBATCH lines below (e.g. sbatch --cpus-per-task=8 --mem=12G ...).
# docs/batch/test-slurm.sh runs this script, unchanged, on a one-node Slurm cluster (CI does).
#
#SBATCH --job-name=singan-train-batch
#SBATCH --array=0-7
#SBATCH --cpus-per-task=4
#SBATCH --mem=8G
#SBATCH --time=24:00:00
#SBATCH --requeue
#SBATCH --open-mode=append
#SBATCH --output=train-batch-%A_%a.log

set -euo pipefail

: "${STUDIO:?set STUDIO to the built SinGAN-Seg Studio checkout}"
: "${DATA:?set DATA to the folder holding images/ and masks/}"
: "${OUT:?set OUT to the output folder shared by all tasks}"
PRESET=${PRESET:-standard}
SAMPLES=${SAMPLES:-10}
TRAIN_OPTS=${TRAIN_OPTS:-}
JAVA_OPTS=${JAVA_OPTS:--Xmx6g -Dorg.bytedeco.javacpp.platform.extension=-onednn}

if [ -n "${SHARDS:-}" ]; then
  SHARD="${SLURM_ARRAY_TASK_ID}/${SHARDS}"
else
  SHARD="$((SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN))/${SLURM_ARRAY_TASK_COUNT}"
fi
export OMP_NUM_THREADS="${SLURM_CPUS_PER_TASK:-1}"
# ND4J's threads would otherwise spin for milliseconds while they wait for a core on a shared
# node; a spin of 1000 rounds (about 10 us) first keeps the small scales fast (README).
export OMP_WAIT_POLICY=passive
export GOMP_SPINCOUNT=1000

echo "Task ${SLURM_ARRAY_TASK_ID} on $(hostname): shard ${SHARD}"
# Exit codes: 0 done (pairs that cannot be used are listed and skipped), 2 bad options, an OUT
# this node cannot write, or no usable pair in this shard, 130 stopped (resubmit to continue).
# The same command as the Kubernetes Job's (k8s-train-batch-job.yaml; BatchJobFilesTest keeps them equal).
# shellcheck disable=SC2086 # JAVA_OPTS and TRAIN_OPTS hold several options
exec java ${JAVA_OPTS} \
    -cp "${STUDIO}/target/classes:${STUDIO}/target/lib/*" org.singanseg.studio.Main \
    train-batch --images "${DATA}/images" --masks "${DATA}/masks" --out "${OUT}" \
    --preset "${PRESET}" --samples-per-image "${SAMPLES}" ${TRAIN_OPTS} --shard "${SHARD}"
