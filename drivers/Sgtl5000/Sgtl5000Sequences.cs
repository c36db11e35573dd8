using InterfaceFirmware.Drivers.Codec;

namespace InterfaceFirmware.Drivers.Sgtl5000
{
    /// <summary>
    /// The SGTL5000 driver's sequences, as data. The datasheet's VAG rule (quoted in
    /// control_sgtl5000.cpp, CHIP_ANA_POWER): setting VAG_POWERUP starts the power-up ramp of the
    /// headphone and line outputs, which must be powered BEFORE it; clearing it starts the ramp
    /// down, and they must stay powered until VAG is down (200–400 ms). SMALL_POP (set at start)
    /// slows the ramp from ~200 to ~400 ms. Linux waits 500 ms each way (SGTL5000_VAG_POWERUP_DELAY,
    /// SGTL5000_VAG_POWERDOWN_DELAY) and mutes the outputs around DAC and ADC power changes
    /// (vag_and_mute_control): so do these.
    /// </summary>
    public static class Sgtl5000Sequences
    {
        /// <summary>VAG ramp (either way) plus margin: Linux's 500 ms.</summary>
        public const int VagRampMs = 500;

        /// <summary>Let the converters settle behind the muted outputs before anything opens.</summary>
        public const int ConverterSettleMs = 20;

        /// <summary>Writes CHIP_CLK_CTRL from the clock plan.</summary>
        public const int WriteClocks = CodecActions.FirstChipAction;

        /// <summary>Clears MUTE_LO (the DAC is soft-muted then, so nothing steps).</summary>
        public const int OpenLineOut = CodecActions.FirstChipAction + 1;

        /// <summary>Sets MUTE_LO (after the DAC's soft mute has run).</summary>
        public const int CloseLineOut = CodecActions.FirstChipAction + 2;

        /// <summary>The headphone amplifier and reference (and the line amplifiers if the caller needs them, <see cref="CodecBlocks.LineOutputs"/>) on, ahead of VAG.</summary>
        public const int PowerOutputAmplifiers = CodecActions.FirstChipAction + 3;

        private const int AllBits = -1;

        private const int Outputs = Sgtl5000Registers.HeadphonePower | Sgtl5000Registers.LineOutPower;

        private const int Converters = Sgtl5000Registers.DacPower | Sgtl5000Registers.AdcPower;
        private const int Interfaces = Sgtl5000Registers.DigitalI2sIn | Sgtl5000Registers.DigitalI2sOut;

        /// <summary>Off → Standby: outputs muted, the headphone (and, if needed, the line) amplifiers on, then VAG ramps them up to mid-rail.</summary>
        public static readonly SequenceStep[] OffToStandby =
        {
            SequenceStep.Do(CodecActions.WaitDischarge),
            SequenceStep.Update(Sgtl5000Registers.AnalogControl, Sgtl5000Registers.MuteHeadphone | Sgtl5000Registers.MuteLineOut, AllBits),
            SequenceStep.Do(PowerOutputAmplifiers),
            SequenceStep.Update(Sgtl5000Registers.AnalogPower, Sgtl5000Registers.VagPower, AllBits),
            SequenceStep.Wait(VagRampMs),
        };

        /// <summary>
        /// Off → Standby after the chip lost its registers while its outputs were up (a brown-out, a
        /// reset the driver made): the headphone pins floated while the chip was down, so the
        /// 220 µF coupling capacitors still hold VAG's charge. Powering the headphone amplifier at
        /// the bottom of the VAG ramp (the cold order above) would pull them to 0 V at once, a
        /// full-scale thump; here VAG ramps up first with the amplifiers off, and they start at the
        /// capacitors' voltage.
        /// </summary>
        public static readonly SequenceStep[] OffToStandbyCharged =
        {
            SequenceStep.Update(Sgtl5000Registers.AnalogControl, Sgtl5000Registers.MuteHeadphone | Sgtl5000Registers.MuteLineOut, AllBits),
            SequenceStep.Update(Sgtl5000Registers.AnalogPower, Sgtl5000Registers.ReferenceTop, AllBits),
            SequenceStep.Update(Sgtl5000Registers.AnalogPower, Sgtl5000Registers.VagPower, AllBits),
            SequenceStep.Wait(VagRampMs),
            SequenceStep.Do(PowerOutputAmplifiers),
        };

        /// <summary>
        /// Standby → On: behind the muted outputs, the digital blocks (the I2S input and output as
        /// the caller needs them: <see cref="CodecActions.PowerBlocks"/>) and the converters.
        /// </summary>
        public static readonly SequenceStep[] StandbyToOn =
        {
            SequenceStep.Do(CodecActions.CloseOutputs),
            SequenceStep.Update(Sgtl5000Registers.DigitalPower, Sgtl5000Registers.DigitalAll & ~Interfaces, AllBits),
            SequenceStep.Do(CodecActions.PowerBlocks),
            SequenceStep.Update(Sgtl5000Registers.AnalogPower, Converters, AllBits),
            SequenceStep.Wait(ConverterSettleMs),
        };

        /// <summary>Un-mute while On: the headphone to the caller's level and out of MUTE_HP, the line out, then the DAC's soft un-mute.</summary>
        public static readonly SequenceStep[] Unmute =
        {
            SequenceStep.Do(CodecActions.OpenOutputs),
            SequenceStep.Do(OpenLineOut),
            SequenceStep.Do(CodecActions.UnmuteDac),
        };

        /// <summary>Mute while On: the DAC's soft mute, the headphone closed (stepped if the line-in bypass is on), the line out once the DAC is silent.</summary>
        public static readonly SequenceStep[] Mute =
        {
            SequenceStep.Do(CodecActions.MuteDac),
            SequenceStep.Do(CodecActions.CloseOutputs),
            SequenceStep.Do(CodecActions.WaitMuteRamp),
            SequenceStep.Do(CloseLineOut),
        };

        /// <summary>On → Standby: silent first (as <see cref="Mute"/>), then the converters and the digital blocks off.</summary>
        public static readonly SequenceStep[] OnToStandby =
        {
            SequenceStep.Do(CodecActions.MuteDac),
            SequenceStep.Do(CodecActions.CloseOutputs),
            SequenceStep.Do(CodecActions.WaitMuteRamp),
            SequenceStep.Do(CloseLineOut),
            SequenceStep.Wait(ConverterSettleMs),
            SequenceStep.Update(Sgtl5000Registers.AnalogPower, Converters, 0),
            SequenceStep.Update(Sgtl5000Registers.DigitalPower, Sgtl5000Registers.DigitalAll, 0),
        };

        /// <summary>Standby → Off: VAG ramps down with the (muted) amplifiers still on, which go off once it is down.</summary>
        public static readonly SequenceStep[] StandbyToOff =
        {
            SequenceStep.Update(Sgtl5000Registers.AnalogPower, Sgtl5000Registers.VagPower, 0),
            SequenceStep.Do(CodecActions.BiasOff),
            SequenceStep.Wait(VagRampMs),
            SequenceStep.Update(Sgtl5000Registers.AnalogPower, Outputs, 0),
        };

        /// <summary>Slave clocking: SYS_FS and MCLK_FREQ (the PLL stays off: Linux allows it only as I2S master).</summary>
        public static readonly SequenceStep[] Clocks =
        {
            SequenceStep.Do(WriteClocks),
        };
    }
}
