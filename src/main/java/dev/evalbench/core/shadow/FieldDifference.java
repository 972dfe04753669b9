package dev.evalbench.core.shadow;

/**
 * How often one field differs from production's value: for the candidate ({@code candidateRate}) and, with
 * calibration, for the production path run again ({@code noiseRate}, 0 without calibration). {@code flagged} when
 * the candidate differs beyond the noise by both margins: {@code candidateRate - noiseRate >= absolute} and
 * {@code candidateRate >= noiseRate * (1 + relative)} (Diffy's rule). Immutable.
 */
public record FieldDifference(String field, int compared, int candidateDiffers, double candidateRate, Integer noiseDiffers,
                              double noiseRate, boolean flagged) {}
