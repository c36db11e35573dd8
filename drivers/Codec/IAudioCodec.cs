namespace InterfaceFirmware.Drivers.Codec
{
    /// <summary>
    /// A stereo codec as the firmware sees it, whichever chip it is: power states reached through
    /// pop-free sequences that run over control-loop ticks, clocking and I2S format, input
    /// selection and gain, ADC and DAC digital volume, the analogue monitor paths, headphone
    /// volume and the DAC's soft mute. Every gain is asked for in hundredths of a dB and lands on
    /// the chip's nearest real step; the call returns what was actually set.
    /// </summary>
    /// <remarks>
    /// Gain and routing calls work in any power state: while the chip is off they prepare the
    /// registers, and the power sequences bring the rest up in a pop-free order. Clocks and format
    /// change only while the outputs are not live (Off or Standby): changing them under live
    /// outputs is a click, and the call refuses with <see cref="DriverStatus.InvalidState"/>.
    /// A bus failure (after bounded retries) leaves <see cref="Status"/> at
    /// <see cref="DriverStatus.BusFault"/>; nothing throws.
    /// </remarks>
    public interface IAudioCodec
    {
        string Name { get; }

        CodecCapabilities Capabilities { get; }

        /// <summary>The state the chip is settled in (during a transition: the state it left).</summary>
        CodecPowerState PowerState { get; }

        /// <summary>The state asked for last (the driver steps there one state at a time; equal to <see cref="PowerState"/> when settled).</summary>
        CodecPowerState TargetPowerState { get; }

        /// <summary>True while any sequence runs (power, clocks, mute, un-mute, re-sync) or the state differs from the target.</summary>
        bool Busy { get; }

        /// <summary>Ok, or the last failure (a bus fault stays until <see cref="Start"/> or <see cref="Resync"/> succeeds).</summary>
        DriverStatus Status { get; }

        /// <summary>
        /// Takes charge of a chip that is at its power-on state (after a board power-up or a reset
        /// the driver made): loads the driver's defaults (zero-cross, soft-mute ramps, volumes at
        /// a safe level) and leaves it Off.
        /// </summary>
        DriverStatus Start(long nowMs);

        /// <summary>
        /// Takes charge of the chip whatever state it is in: at its power-on state, or left live and
        /// playing by an earlier run (the ESP32 restarted under powered chips: a watchdog, a crash,
        /// a new deploy). A chip at reset starts as with <see cref="Start"/> and heads for Standby;
        /// a live one is silenced without a pop (the DAC's soft mute, then the analogue paths) and
        /// brought down to Standby with its bias kept, over ticks. <see cref="Busy"/> until the
        /// chip is in Standby with the driver's defaults in place: configure it (inputs, gains,
        /// monitor, clocks) after that, as the take-over may rewrite any register until then.
        /// </summary>
        /// <remarks>
        /// A separate entry point rather than a safer <see cref="Start"/>: a write-only chip cannot
        /// tell whether it is live, so taking charge blind costs time (the mute ramp and the
        /// zero-cross timeout) and writes on every chip; <see cref="Start"/> stays the cheap,
        /// exact start for a chip known to be at reset (after a power-up the firmware saw, or a
        /// reset it made), and its figures and tests stay what they were.
        /// </remarks>
        DriverStatus TakeCharge(long nowMs);

        /// <summary>Starts the pop-free transition towards <paramref name="target"/> (one state at a time, over ticks).</summary>
        DriverStatus RequestPowerState(CodecPowerState target, long nowMs);

        /// <summary>
        /// Which signal blocks the caller needs (<see cref="CodecBlocks.All"/> until told otherwise;
        /// the wish holds across power states, starts and re-syncs). Reaching On powers only those;
        /// while On a change runs pop-free over ticks: a DAC that is no longer needed goes down only
        /// behind its soft mute (the monitor paths stay open: they do not pass through it), and one
        /// needed again comes up, settles, then ramps out of its soft mute if the outputs are open
        /// and un-muted. A chip that mixes the monitor in its DAC keeps what the monitor needs.
        /// </summary>
        DriverStatus SetBlocksNeeded(CodecBlocks blocks, long nowMs);

        /// <summary>The caller's wish (<see cref="SetBlocksNeeded"/>).</summary>
        CodecBlocks BlocksNeeded { get; }

        /// <summary>The blocks the chip has powered now (<see cref="CodecBlocks.None"/> below On).</summary>
        CodecBlocks BlocksPowered { get; }

        /// <summary>Advances a running sequence; call every control-loop tick.</summary>
        void Tick(long nowMs);

        /// <summary>
        /// Clocks the converters at <paramref name="sampleRate"/> from an MCLK of <paramref name="mclkHz"/>,
        /// the chip's way: the WM8960 needs a 12.288 or 11.2896 MHz SYSCLK (256·fs at 48/44.1 kHz
        /// directly, or twice that; otherwise its PLL, which needs an MCLK of about 8 MHz or more);
        /// the ES8388 takes ratio multiples of fs (256·fs, 512·fs, a 12 MHz crystal's USB-mode
        /// ratios). <see cref="DriverStatus.Unsupported"/> otherwise. Only in Off or Standby.
        /// </summary>
        DriverStatus ConfigureClocks(int sampleRate, int mclkHz);

        /// <summary>The I2S word length and framing; the codec stays a clock slave (the board's master drives BCLK/LRCLK).</summary>
        DriverStatus SetFormat(int wordLength, InterfaceFormat format);

        DriverStatus SelectInputs(InputSource left, InputSource right);

        /// <summary>Analogue input gain before the ADC and the monitor path (PGA and boost together).</summary>
        StereoGain SetInputGain(StereoGain requested);

        StereoGain SetAdcVolume(StereoGain requested);

        StereoGain SetDacVolume(StereoGain requested);

        StereoGain SetHeadphoneVolume(StereoGain requested);

        /// <summary>
        /// Sets the analogue monitor paths; paths the chip lacks come back muted. The switches and
        /// gains change at once (no zero-cross on these paths): change them while muted
        /// (<see cref="SetMuted"/>) if the outputs are live, or expect a step.
        /// </summary>
        MonitorGains SetMonitor(MonitorGains requested);

        /// <summary>
        /// Silences (or restores) the codec's outputs softly: the DAC's soft-mute ramp, and any
        /// open monitor path stepped down at zero crossings. The wish holds across power states:
        /// the outputs always come up muted and reaching On un-mutes them last if so wished.
        /// </summary>
        DriverStatus SetMuted(bool muted, long nowMs);

        /// <summary>The caller's wish (true from <see cref="Start"/> until <see cref="SetMuted"/>(false)).</summary>
        bool Muted { get; }

        /// <summary>True once the outputs have reached the wished state (the ramps have run).</summary>
        bool MuteSettled(long nowMs);

        /// <summary>
        /// The chip lost its registers (brown-out, unexpected reset): rewrites every register the
        /// driver had set (and only those), then runs the pop-free sequences back to the state it
        /// was heading for. With <paramref name="resetChip"/> the driver first resets the chip
        /// itself, for when its state is unknown (after a bus fault on a write-only chip).
        /// </summary>
        DriverStatus Resync(long nowMs, bool resetChip);

        /// <summary>
        /// Asks the chip whether it lost its registers since the driver set them. Readable chips
        /// compare a register that differs from its reset value; a write-only chip cannot tell
        /// (<see cref="DriverStatus.Unsupported"/>: the firmware must infer it, from the ADC or the supply).
        /// </summary>
        DriverStatus ProbeForReset(out bool wasReset);
    }
}
