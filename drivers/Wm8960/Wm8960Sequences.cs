using InterfaceFirmware.Drivers.Codec;

namespace InterfaceFirmware.Drivers.Wm8960
{
    /// <summary>
    /// The WM8960 driver's sequences, as data (Linux <c>wm8960_set_bias_level_out3</c> in
    /// sound/soc/codecs/wm8960.c), with the settle times this board's capacitor-coupled
    /// headphones need. Public so they can be read, and so tests can show that a reordered copy
    /// pops; the driver never changes them (nobody should).
    /// </summary>
    /// <remarks>
    /// One departure from Linux: Off keeps VMID at 2×250 kΩ (VREF off, the anti-pop buffers on),
    /// as the ES8388 driver keeps its VMID in Off. Linux's OFF (APOP1 = 0x09C, POWER1 = 0, then
    /// WM8960_DSCH_TOUT) lets VMID collapse (τ ≈ 60 ms) while the outputs are still tied to it
    /// through 500 Ω: the 220 µF headphone capacitors discharge through the headphones, and the
    /// codec's jack moves −35 dBFS within 20 ms and reaches −29 dBFS: a thump. With VMID held,
    /// nothing discharges (<see cref="OutputDischargeMs"/> is 0), the next power-up finds the
    /// bias where it left it, and the string costs microamps (2×250 kΩ from AVDD).
    /// </remarks>
    public static class Wm8960Sequences
    {
        /// <summary>
        /// Bias-up settle time with VMID at 2×50 kΩ and soft start: the S-curve takes ~550 ms and
        /// the 220 µF headphone capacitors follow through the 500 Ω tie-off (τ ≈ 120 ms). Linux
        /// waits 100 ms, which leaves capacitor-coupled headphones with an audible thump.
        /// </summary>
        public const int VmidSettleMs = 1200;

        /// <summary>Off keeps VMID (see the remarks): nothing discharges, the bias may return at once (Linux WM8960_DSCH_TOUT waits 600 ms after cutting it).</summary>
        public const int OutputDischargeMs = 0;

        /// <summary>Linux waits this long after PLL_EN before selecting the PLL as SYSCLK.</summary>
        public const int PllLockMs = 250;

        /// <summary>Let the headphone drivers settle on VMID before any signal reaches them (and the last latch land before they go).</summary>
        public const int DriverSettleMs = 20;



        /// <summary>
        /// The take-over's wait for the DAC's soft mute: the slow ramp (DACMR = 1, 0.5 dB per 32
        /// samples: 8160 samples from full scale, WM8960 datasheet R6) at the lowest rate the
        /// firmware clocks (44.1 kHz) is 185 ms; the rate the earlier run used is unknown.
        /// </summary>
        public const int TakeOverMuteRampMs = 195;

        /// <summary>
        /// The take-over's wait for the zero-cross latch: with TOEN and TOCLKSEL = 1 (R23) the
        /// timeout clock is SYSCLK/2^19 (42.7 ms at 12.288 MHz, 46.4 ms at 11.2896 MHz) and a
        /// pending volume update lands by its second tick at the latest, silence or not.
        /// </summary>
        public const int TakeOverLatchMs = 100;

        /// <summary>Writes ADCDIV/DACDIV, SYSCLKDIV and CLKSEL of the clock plan.</summary>
        public const int WriteDividers = CodecActions.FirstChipAction;

        /// <summary>Writes the PLL's N and K.</summary>
        public const int WritePllFactors = CodecActions.FirstChipAction + 1;

        /// <summary>Stops the PLL.</summary>
        public const int DisablePll = CodecActions.FirstChipAction + 2;

        private const int AllBits = -1;

        /// <summary>Off → Standby: discharge wait, anti-pop, VMID soft start, settle, VREF, anti-pop off, idle at 2×250 kΩ.</summary>
        public static readonly SequenceStep[] OffToStandby =
        {
            SequenceStep.Do(CodecActions.WaitDischarge),
            SequenceStep.Write(Wm8960Registers.AntiPop1, Wm8960Registers.AntiPopStartup),
            SequenceStep.Update(Wm8960Registers.Power1, Wm8960Registers.VmidMask, Wm8960Registers.Vmid2x50k),
            SequenceStep.Wait(VmidSettleMs),
            SequenceStep.Update(Wm8960Registers.Power1, Wm8960Registers.Vref, Wm8960Registers.Vref),
            SequenceStep.Write(Wm8960Registers.AntiPop1, Wm8960Registers.AntiPopRunning),
            SequenceStep.Update(Wm8960Registers.Power1, Wm8960Registers.VmidMask, Wm8960Registers.Vmid2x250k),
        };

        /// <summary>
        /// Standby → On: inputs and mixers, the converters the caller needs (ADCL/ADCR in R25,
        /// DACL/DACR in R26: <see cref="CodecActions.PowerBlocks"/>), then the drivers with the
        /// headphone volume held at mute; the outputs come up silent.
        /// </summary>
        public static readonly SequenceStep[] StandbyToOn =
        {
            SequenceStep.Update(Wm8960Registers.Power1, Wm8960Registers.VmidMask, Wm8960Registers.Vmid2x50k),
            SequenceStep.Do(CodecActions.CloseOutputs),
            SequenceStep.Update(Wm8960Registers.Power1, Wm8960Registers.AnalogueInputs, AllBits),
            SequenceStep.Update(Wm8960Registers.Power3, Wm8960Registers.InputPgas | Wm8960Registers.OutputMixers, AllBits),
            SequenceStep.Do(CodecActions.PowerBlocks),
            SequenceStep.Update(Wm8960Registers.Power2, Wm8960Registers.HeadphoneDrivers, AllBits),
            SequenceStep.Wait(DriverSettleMs),
        };

        /// <summary>Un-mute while On: the headphone volume to the caller's level, then the DAC's soft un-mute.</summary>
        public static readonly SequenceStep[] Unmute =
        {
            SequenceStep.Do(CodecActions.OpenOutputs),
            SequenceStep.Do(CodecActions.UnmuteDac),
        };

        /// <summary>Mute while On: the DAC's soft mute, and the headphone volume to mute (stepping at once if a monitor path is open).</summary>
        public static readonly SequenceStep[] Mute =
        {
            SequenceStep.Do(CodecActions.MuteDac),
            SequenceStep.Do(CodecActions.CloseOutputs),
        };

        /// <summary>On → Standby: silent first (as <see cref="Mute"/>), then everything powers down in reverse.</summary>
        public static readonly SequenceStep[] OnToStandby =
        {
            SequenceStep.Do(CodecActions.MuteDac),
            SequenceStep.Do(CodecActions.CloseOutputs),
            SequenceStep.Do(CodecActions.WaitMuteRamp),
            SequenceStep.Wait(DriverSettleMs),
            SequenceStep.Update(Wm8960Registers.Power2, Wm8960Registers.HeadphoneDrivers, 0),
            SequenceStep.Update(Wm8960Registers.Power2, Wm8960Registers.Dacs, 0),
            SequenceStep.Update(Wm8960Registers.Power3, Wm8960Registers.InputPgas | Wm8960Registers.OutputMixers, 0),
            SequenceStep.Update(Wm8960Registers.Power1, Wm8960Registers.AnalogueInputs | Wm8960Registers.Adcs, 0),
            SequenceStep.Update(Wm8960Registers.Power1, Wm8960Registers.VmidMask, Wm8960Registers.Vmid2x250k),
        };

        /// <summary>Standby → Off: anti-pop buffers on, VREF off; VMID stays at 2×250 kΩ with the outputs tied to it (see the remarks).</summary>
        public static readonly SequenceStep[] StandbyToOff =
        {
            SequenceStep.Write(Wm8960Registers.AntiPop1, Wm8960Registers.AntiPopStartup),
            SequenceStep.Update(Wm8960Registers.Power1, Wm8960Registers.VmidMask | Wm8960Registers.Vref, Wm8960Registers.Vmid2x250k),
            SequenceStep.Do(CodecActions.BiasOff),
        };

        /// <summary>
        /// Taking charge of a chip in an unknown state (the ESP32 restarted under it; it is
        /// write-only, so nothing can be asked): every register the driver manages counts as
        /// unknown, so each step writes its whole value. Blind, pop-free from any state, and a
        /// no-op on the analogue side of a chip at reset, ending in Standby:
        /// <list type="number">
        /// <item>The zero-cross timeout on (fast), the DAC soft-muted on its slow ramp; wait the
        /// ramp out: playback fades. (At reset: the DAC is soft-muted already, R5 = 0x008.)</item>
        /// <item>The headphone volume to its mute code through the zero-cross latch with VU: it
        /// lands at a zero crossing of what is left (a monitor path), or at the timeout on
        /// silence; wait for that. (At reset: the drivers are off, the volume is at mute.)</item>
        /// <item>The bypass and cross paths out of the output mixers, then the headphone drivers,
        /// DACs, PLL, PGAs and mixers off, in the order of <see cref="OnToStandby"/>.</item>
        /// <item>VREF off with VMID held, the anti-pop buffers tying the outputs to it, as in
        /// <see cref="StandbyToOff"/>: VMID is never cut under tied outputs (that thumps, see the
        /// class remarks). From there on <see cref="OffToStandby"/> exactly: VMID through 2×50 kΩ
        /// (on a chip at reset, with soft start: the same writes a cold start makes), settle,
        /// VREF, idle at 2×250 kΩ.</item>
        /// </list>
        /// The driver then flushes every other managed register (the outputs are off).
        /// </summary>
        public static readonly SequenceStep[] TakeOver =
        {
            SequenceStep.Rewrite(Wm8960Registers.AdditionalControl1),
            SequenceStep.Rewrite(Wm8960Registers.DacControl2),
            SequenceStep.Rewrite(Wm8960Registers.DacControl1),
            SequenceStep.Wait(TakeOverMuteRampMs),
            SequenceStep.Rewrite(Wm8960Registers.LeftHeadphoneVolume),
            SequenceStep.Rewrite(Wm8960Registers.RightHeadphoneVolume),
            SequenceStep.Wait(TakeOverLatchMs),
            SequenceStep.Rewrite(Wm8960Registers.LeftBypass),
            SequenceStep.Rewrite(Wm8960Registers.RightBypass),
            SequenceStep.Rewrite(Wm8960Registers.LeftOutMix),
            SequenceStep.Rewrite(Wm8960Registers.RightOutMix),
            SequenceStep.Rewrite(Wm8960Registers.Power2),
            SequenceStep.Rewrite(Wm8960Registers.Power3),
            SequenceStep.Write(Wm8960Registers.AntiPop1, Wm8960Registers.AntiPopStartup),
            SequenceStep.Write(Wm8960Registers.Power1, Wm8960Registers.Vmid2x50k),
            SequenceStep.Wait(VmidSettleMs),
            SequenceStep.Update(Wm8960Registers.Power1, Wm8960Registers.Vref, Wm8960Registers.Vref),
            SequenceStep.Write(Wm8960Registers.AntiPop1, Wm8960Registers.AntiPopRunning),
            SequenceStep.Update(Wm8960Registers.Power1, Wm8960Registers.VmidMask, Wm8960Registers.Vmid2x250k),
        };

        /// <summary>MCLK straight to SYSCLK (or halved): select MCLK, stop the PLL, set the dividers.</summary>
        public static readonly SequenceStep[] DirectClocks =
        {
            SequenceStep.Update(Wm8960Registers.Clocking1, Wm8960Registers.ClockSelectPll, 0),
            SequenceStep.Do(DisablePll),
            SequenceStep.Do(WriteDividers),
        };

        /// <summary>Through the PLL (Linux order): select MCLK, PLL off, N.K, PLL on, let it lock, then select it.</summary>
        public static readonly SequenceStep[] PllClocks =
        {
            SequenceStep.Update(Wm8960Registers.Clocking1, Wm8960Registers.ClockSelectPll, 0),
            SequenceStep.Do(DisablePll),
            SequenceStep.Do(WritePllFactors),
            SequenceStep.Update(Wm8960Registers.Power2, Wm8960Registers.PllEnable, Wm8960Registers.PllEnable),
            SequenceStep.Wait(PllLockMs),
            SequenceStep.Do(WriteDividers),
        };

        /// <summary>Only the dividers change (same SYSCLK source, or the PLL keeps its factors).</summary>
        public static readonly SequenceStep[] DividersOnly =
        {
            SequenceStep.Do(WriteDividers),
        };
    }
}
