using InterfaceFirmware.Drivers.Codec;

namespace InterfaceFirmware.Drivers.Es8388
{
    /// <summary>The ES8388 as data for <see cref="CodecDriver"/>: what <see cref="Es8388Codec"/> does not need code for.</summary>
    public static class Es8388Profile
    {
        /// <summary>OUT1 ramp while a monitor path is open: one 1.5 dB code at most every millisecond (in practice one per tick).</summary>
        public const int HeadphoneRampIntervalMs = 1;

        /// <summary>The soft-mute ramp: 193 steps of 0.5 dB (0 dB → −96 dB → silent), one per 32 LRCK.</summary>
        public const int MuteRampSamples = 193 * 32;

        public static readonly CodecProfile Profile = new CodecProfile(
            "ES8388",
            new CodecCapabilities(
                inputGain: Es8388Gains.MicPga,
                adcVolume: Es8388Gains.Adc,
                dacVolume: Es8388Gains.Dac,
                monitorGain: Es8388Gains.Bypass,
                headphoneVolume: Es8388Gains.Out1,
                monitorCrossFeed: true,
                zeroCrossVolume: false,
                headphoneOutputs: 1,
                inputCount: 2,
                differentialInput: true,
                hasPll: false,
                jackDetect: false,
                monitorInDigitalMixer: false),
            new CodecSequences(Es8388Sequences.OffToStandby, Es8388Sequences.StandbyToOn, Es8388Sequences.OnToStandby,
                Es8388Sequences.StandbyToOff, Es8388Sequences.Mute, Es8388Sequences.Unmute),
            // LOUT1VOL/ROUT1VOL, applied at once by the chip (no zero-cross, no latch): both sides that
            // change, one after the other; one 1.5 dB code per ramp step, the finest OUT1 has.
            new CodecOutputLevel(Es8388Registers.LeftOut1Volume, Es8388Registers.RightOut1Volume, Es8388Registers.Out1VolumeMask, 0, 0,
                Es8388Gains.Out1ClosedCode, 1, HeadphoneRampIntervalMs),
            // DACCONTROL17–20: left→left, right→left, left→right, right→right, gain in bits 5:3.
            new CodecMonitorSwitches(
                new int[] { Es8388Registers.DacControl17, Es8388Registers.DacControl18, Es8388Registers.DacControl19, Es8388Registers.DacControl20 },
                Es8388Registers.BypassToMixer, Es8388Registers.BypassGainMask, 3),
            Es8388Registers.DacControl3,
            Es8388Registers.Mute,
            MuteRampSamples,
            Es8388Sequences.OutputDischargeMs,
            new int[]
            {
                Es8388Registers.Control1, Es8388Registers.Control2, Es8388Registers.ChipPower, Es8388Registers.AdcPower,
                Es8388Registers.DacPower, Es8388Registers.LeftOut1Volume, Es8388Registers.RightOut1Volume,
            });
    }
}
