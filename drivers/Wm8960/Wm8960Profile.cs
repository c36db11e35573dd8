using InterfaceFirmware.Drivers.Codec;

namespace InterfaceFirmware.Drivers.Wm8960
{
    /// <summary>The WM8960 as data for <see cref="CodecDriver"/>: what <see cref="Wm8960Codec"/> does not need code for.</summary>
    public static class Wm8960Profile
    {
        /// <summary>Headphone steps while a monitor path is open: 3 dB every 2 ms, each landing at a zero crossing.</summary>
        public const int HeadphoneRampStepDb = 3;

        /// <summary>
        /// The first 9 dB of a mute's headphone ramp (the last 9 of an un-mute's) step 1 dB: a 3 dB
        /// step at the open level, at a zero crossing of a loud monitored input (−1 dBFS at −6 dB),
        /// left a low-frequency bump of −35 to −40 dBFS (the emulator's thump detector,
        /// MonitorTests); 9 dB lower the 3 dB steps' bumps are under it. A mute takes 6 more steps
        /// (30 ms: a rate change's 300 ms notice still has room, ModeTests).
        /// </summary>
        public const int HeadphoneFineSpan = 9;

        public const int HeadphoneRampIntervalMs = 2;

        /// <summary>The slow soft-mute ramp: 255 steps of 0.5 dB, one per 32 samples (DACMR = 1).</summary>
        public const int MuteRampSamples = 255 * 32;

        /// <summary>The WM8960 with each input on its own side only (the output mixers have no cross paths).</summary>
        public static readonly CodecProfile Profile = Build(false);

        /// <summary>
        /// The WM8960 on a board that also wires each input to the other side's INPUT3 (the
        /// reference board): LINPUT3 → LI2LO and RINPUT3 → RI2RO reach the output mixers directly,
        /// ahead of the input PGA, and carry the other input: an analogue cross-feed for mono monitoring.
        /// </summary>
        public static readonly CodecProfile CrossFeedOnInput3 = Build(true);

        private static CodecProfile Build(bool crossFeed)
        {
            // R45/R46: the boost mixer into the output mixer; with the cross-feed also R34/R37's
            // INPUT3 paths (LI2LO/RI2RO): the same switch bit (7) and gain field (6:4) in each.
            int[] monitorRegisters = crossFeed
                ? new int[] { Wm8960Registers.LeftBypass, Wm8960Registers.RightBypass, Wm8960Registers.LeftOutMix, Wm8960Registers.RightOutMix }
                : new int[] { Wm8960Registers.LeftBypass, Wm8960Registers.RightBypass };
            return new CodecProfile(
                "WM8960",
                new CodecCapabilities(
                    inputGain: Wm8960Gains.Input,
                    adcVolume: Wm8960Gains.Adc,
                    dacVolume: Wm8960Gains.Dac,
                    monitorGain: Wm8960Gains.Bypass,
                    headphoneVolume: Wm8960Gains.Headphone,
                    monitorCrossFeed: crossFeed,
                    zeroCrossVolume: true,
                    headphoneOutputs: 1,
                    inputCount: 3,
                    differentialInput: true,
                    hasPll: true,
                    jackDetect: false,
                    monitorInDigitalMixer: false),
                new CodecSequences(Wm8960Sequences.OffToStandby, Wm8960Sequences.StandbyToOn, Wm8960Sequences.OnToStandby,
                    Wm8960Sequences.StandbyToOff, Wm8960Sequences.Mute, Wm8960Sequences.Unmute),
                // R2/R3: each level lands at the next zero crossing (or the 43–85 ms timeout on silence), both sides together.
                new CodecOutputLevel(Wm8960Registers.LeftHeadphoneVolume, Wm8960Registers.RightHeadphoneVolume, Wm8960Registers.HeadphoneVolumeMask,
                    Wm8960Registers.HeadphoneZeroCross, Wm8960Registers.VolumeUpdate, Wm8960Gains.Headphone.MuteCode, HeadphoneRampStepDb,
                    HeadphoneRampIntervalMs, HeadphoneFineSpan),
                new CodecMonitorSwitches(monitorRegisters, Wm8960Registers.BypassEnable, Wm8960Registers.BypassGainMask, 4),
                Wm8960Registers.DacControl1,
                Wm8960Registers.DacSoftMute,
                MuteRampSamples,
                Wm8960Sequences.OutputDischargeMs,
                new int[]
                {
                    Wm8960Registers.Clocking1, Wm8960Registers.Power1, Wm8960Registers.Power2, Wm8960Registers.Power3,
                    Wm8960Registers.AntiPop1, Wm8960Registers.AntiPop2,
                });
        }
    }
}
