using InterfaceFirmware.Drivers.Codec;

namespace InterfaceFirmware.Drivers.Sgtl5000
{
    /// <summary>The SGTL5000 as data for <see cref="CodecDriver"/>: what <see cref="Sgtl5000Codec"/> does not need code for.</summary>
    public static class Sgtl5000Profile
    {
        /// <summary>Headphone steps while the line-in bypass is on: 2 dB (4 codes) every 2 ms, each landing at a zero crossing (EN_ZCD_HP).</summary>
        public const int HeadphoneRampStepCodes = 4;

        public const int HeadphoneRampIntervalMs = 2;

        /// <summary>
        /// The DAC's soft-mute ramp (VOL_RAMP_EN): 192 codes from 0 dB (0x3C) to mute (0xFC). The
        /// sources give no ramp rate (only the VOL_BUSY flags): one code per 4 frames is the
        /// emulator's model decision (hardware/Emulator/Chips/Sgtl5000Model.cs), 16 ms at 48 kHz.
        /// </summary>
        public const int MuteRampSamples = (0xFC - 0x3C) * 4;

        public static readonly CodecProfile Profile = new CodecProfile(
            "SGTL5000",
            new CodecCapabilities(
                inputGain: Sgtl5000Gains.AdcInput,
                adcVolume: Sgtl5000Gains.AdcDigital,
                dacVolume: Sgtl5000Gains.Dac,
                monitorGain: Sgtl5000Gains.DapMixer,
                headphoneVolume: Sgtl5000Gains.Headphone,
                monitorCrossFeed: false,
                zeroCrossVolume: true,
                headphoneOutputs: 1,
                inputCount: 2,
                differentialInput: false,
                hasPll: false,
                jackDetect: false,
                monitorInDigitalMixer: true),
            new CodecSequences(Sgtl5000Sequences.OffToStandby, Sgtl5000Sequences.StandbyToOn, Sgtl5000Sequences.OnToStandby,
                Sgtl5000Sequences.StandbyToOff, Sgtl5000Sequences.Mute, Sgtl5000Sequences.Unmute),
            // CHIP_ANA_HP_CTRL holds both sides (the driver overrides how the level is read and written).
            new CodecOutputLevel(Sgtl5000Registers.HeadphoneControl, Sgtl5000Registers.HeadphoneControl, Sgtl5000Registers.HeadphoneFieldMask, 0, 0,
                Sgtl5000Gains.HeadphoneMuteCode, HeadphoneRampStepCodes, HeadphoneRampIntervalMs),
            // The analogue path that bypasses the DAC's soft mute (SetLineInBypass: SELECT_HP in
            // CHIP_ANA_CTRL, no gain field); the monitor proper is in the DAP, behind the DAC.
            new CodecMonitorSwitches(new int[] { Sgtl5000Registers.AnalogControl }, Sgtl5000Registers.SelectHeadphoneLineIn, 0, 0),
            Sgtl5000Registers.AdcDacControl,
            Sgtl5000Registers.DacMute,
            MuteRampSamples,
            Sgtl5000Sequences.VagRampMs,
            new int[] { Sgtl5000Registers.DigitalPower, Sgtl5000Registers.ClockControl, Sgtl5000Registers.AnalogPower });
    }
}
