using InterfaceFirmware.Drivers.Codec;

namespace InterfaceFirmware.Drivers.Es8388
{
    /// <summary>
    /// The ES8388 driver's sequences, as data. The order follows esp_codec_dev (es8388.c) and Linux
    /// (sound/soc/codecs/es8328.c): analogue and VMID first, converters, outputs, un-mute
    /// last; the reverse on the way down) with the settle times the emulator's model needs on the
    /// Audio Kit's capacitor-coupled headphone jack (220 µF into 32 Ω). Public so they can be read,
    /// and so tests can show that a reordered copy pops; the driver never changes them.
    /// </summary>
    /// <remarks>
    /// What the model requires, measured with its pop detector (Es8388PowerTests):
    /// <list type="bullet">
    /// <item>A disabled OUT1 pin is tied to VMID through 1.5 kΩ (VROI = 0) while VMIDSEL ≠ 00 and
    /// ENREF is set, and floats otherwise. The coupling capacitor therefore charges through
    /// 1.5 kΩ + 32 Ω (τ = 0.34 s), and the headphone hears the charging current: 32/1532 of the
    /// gap between VMID and the capacitor. How fast VMID rises decides whether that is heard.
    /// Through 5 kΩ (Linux sound/soc/codecs/es8328.c, <c>es8328_set_bias_level</c>, Off →
    /// Standby: VMIDSEL 5 kΩ with ENREF, 100 ms, then 500 kΩ) VMID is up in ~60 ms and the jack
    /// rises −33 dBFS within 20 ms, then drains over ~2 s: a thump on both channels. Through
    /// 50 kΩ (the value Linux selects for PREPARE) the same charge is spread over ~0.5 s: the jack
    /// peaks at −37 dBFS but moves at most −49 dBFS in 20 ms, infrasonic. Through 500 kΩ
    /// (esp-adf components/esp_codec_dev/device/es8388/es8388.c, <c>es8388_open</c>: CONTROL1 =
    /// 0x12) it is quieter still but takes over 6 s to settle. Enabling OUT1 before the
    /// capacitor has followed clicks (the remaining gap becomes a step at the jack); from a
    /// fresh power-on the gap falls below 0.002 FS after about 2.3 s at 50 kΩ, and
    /// <see cref="VmidSettleMs"/> waits for that.</item>
    /// <item>Off keeps VMID at 500 kΩ with ENREF, the chip's own power-on setting (microamps),
    /// rather than VMIDSEL = 00: with VMID off the pins float, the capacitors keep their charge
    /// while VMID collapses, and the next power-up re-ties a charged capacitor to a discharged
    /// VMID: a −32 dBFS click. So nothing discharges, and <see cref="OutputDischargeMs"/> is 0.</item>
    /// <item>OUT1 changes apply at once (no zero-cross), so a live monitor path is brought up and
    /// down by stepping OUT1 one 1.5 dB code per tick between −45 dB and the caller's level. A step
    /// of a signal of peak a is a discontinuity of up to 0.19·a (0.16·a going down): below the
    /// click threshold at any phase while the monitor at the jack is below −32 dBFS. Louder, the
    /// steps of a rising ramp follow each other closely enough to stay below the detector's ratio
    /// test, but the first step down can click (see the class remarks of <see cref="Es8388Codec"/>).</item>
    /// </list>
    /// Es8388PowerTests and Es8388FaultTests print the times, writes and pop events of these
    /// sequences, and of the wrong orders they try.
    /// </remarks>
    public static class Es8388Sequences
    {
        /// <summary>From power-on, with VMID charged through 50 kΩ, the headphone coupling capacitor follows it through the 1.5 kΩ tie (τ 0.34 s) to within 0.002 FS.</summary>
        public const int VmidSettleMs = 2400;

        /// <summary>Off keeps VMID at 500 kΩ: nothing discharges, the bias may return at once.</summary>
        public const int OutputDischargeMs = 0;

        /// <summary>A margin for the OUT1 drivers to settle on VMID before the level opens (the model needs none).</summary>
        public const int DriverSettleMs = 10;

        /// <summary>Writes MCLKDIV2 and the ADC and DAC FsRatio of the clock plan.</summary>
        public const int WriteClocks = CodecActions.FirstChipAction;

        /// <summary>Switches every bypass path out of the output mixers (OUT1 has no mute code: this silences the monitor).</summary>
        public const int CutMonitor = CodecActions.FirstChipAction + 1;

        /// <summary>Switches the bypass paths the caller asked for back into the output mixers.</summary>
        public const int RestoreMonitor = CodecActions.FirstChipAction + 2;

        /// <summary>
        /// Off → Standby: analogue bias on, VMID charged through 50 kΩ (not Linux's 5 kΩ fast
        /// charge, which thumps: see the remarks) with the outputs tied to it, settle, idle at 500 kΩ.
        /// </summary>
        public static readonly SequenceStep[] OffToStandby =
        {
            SequenceStep.Update(Es8388Registers.Control2, Es8388Registers.AnalogueOff, 0),
            SequenceStep.Update(Es8388Registers.Control1, Es8388Registers.EnableReference | Es8388Registers.VmidMask,
                Es8388Registers.EnableReference | Es8388Registers.Vmid50k),
            SequenceStep.Wait(VmidSettleMs),
            SequenceStep.Update(Es8388Registers.Control1, Es8388Registers.VmidMask, Es8388Registers.Vmid500k),
        };

        /// <summary>
        /// Standby → On: VMID at 50 kΩ (Linux PREPARE), OUT1 closed, the chip's references, the
        /// input PGAs and ADC bias, the blocks the caller needs (<see cref="CodecActions.PowerBlocks"/>:
        /// ADC and DAC digital sides and converters; the DACs come up soft-muted), then the OUT1
        /// drivers: the outputs come up silent; <see cref="Unmute"/> opens them.
        /// </summary>
        public static readonly SequenceStep[] StandbyToOn =
        {
            SequenceStep.Update(Es8388Registers.Control1, Es8388Registers.VmidMask, Es8388Registers.Vmid50k),
            SequenceStep.Do(CodecActions.CloseOutputs),
            SequenceStep.Update(Es8388Registers.ChipPower, Es8388Registers.ChipPowerAll & ~(Es8388Registers.ChipPowerAdcDigital | Es8388Registers.ChipPowerDacDigital), 0),
            SequenceStep.Update(Es8388Registers.AdcPower, Es8388Registers.AdcPowerAll & ~Es8388Registers.AdcsPowerDown, 0),
            SequenceStep.Do(CodecActions.PowerBlocks),
            SequenceStep.Update(Es8388Registers.DacPower, Es8388Registers.Out1Enable, Es8388Registers.Out1Enable),
            SequenceStep.Wait(DriverSettleMs),
        };

        /// <summary>Un-mute while On: the monitor paths back in at −45 dB, OUT1 to the caller's level, then the DAC's soft un-mute.</summary>
        public static readonly SequenceStep[] Unmute =
        {
            SequenceStep.Do(RestoreMonitor),
            SequenceStep.Do(CodecActions.OpenOutputs),
            SequenceStep.Do(CodecActions.UnmuteDac),
        };

        /// <summary>
        /// Mute while On: the DAC's soft mute first, and only once it has run OUT1 to −45 dB
        /// (stepped if a monitor path is open): OUT1 has no zero-cross latch, so its steps are
        /// kept off the playback and only ever cut the monitor. OUT1 has no mute code, so the
        /// monitor paths are then switched out of the mixers: at −45 dB that step is far below a
        /// click, and the outputs are silent.
        /// </summary>
        public static readonly SequenceStep[] Mute =
        {
            SequenceStep.Do(CodecActions.MuteDac),
            SequenceStep.Do(CodecActions.WaitMuteRamp),
            SequenceStep.Do(CodecActions.CloseOutputs),
            SequenceStep.Do(CutMonitor),
        };

        /// <summary>On → Standby: silent first (as <see cref="Mute"/>) before anything powers down; then outputs, DACs, ADC side, chip.</summary>
        public static readonly SequenceStep[] OnToStandby =
        {
            SequenceStep.Do(CodecActions.MuteDac),
            SequenceStep.Do(CodecActions.WaitMuteRamp),
            SequenceStep.Do(CodecActions.CloseOutputs),
            SequenceStep.Do(CutMonitor),
            SequenceStep.Update(Es8388Registers.DacPower, Es8388Registers.Out1Enable, 0),
            SequenceStep.Update(Es8388Registers.DacPower, Es8388Registers.DacsPowerDown, Es8388Registers.DacsPowerDown),
            SequenceStep.Update(Es8388Registers.AdcPower, Es8388Registers.AdcPowerAll, Es8388Registers.AdcPowerOff),
            SequenceStep.Update(Es8388Registers.ChipPower, Es8388Registers.ChipPowerAll, Es8388Registers.ChipPowerOff),
            SequenceStep.Update(Es8388Registers.Control1, Es8388Registers.VmidMask, Es8388Registers.Vmid500k),
        };

        /// <summary>Standby → Off: the analogue section and its bias generator off; VMID stays at 500 kΩ (see the remarks).</summary>
        public static readonly SequenceStep[] StandbyToOff =
        {
            SequenceStep.Update(Es8388Registers.Control2, Es8388Registers.AnalogueOff, Es8388Registers.AnalogueOff),
            SequenceStep.Do(CodecActions.BiasOff),
        };

        /// <summary>MCLK straight to the converters (or halved), with the ratio for 256·fs.</summary>
        public static readonly SequenceStep[] Clocks =
        {
            SequenceStep.Do(WriteClocks),
        };
    }
}
