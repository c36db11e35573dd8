namespace InterfaceFirmware.Drivers.Amplifier
{
    /// <summary>
    /// A headphone amplifier as the firmware sees it, whichever chip it is: presence check, one
    /// volume in dB on the chip's own taper, per-channel mute, enable and shutdown (sequenced over
    /// ticks, outputs muted first and un-muted last), output impedance mode, thermal fault.
    /// </summary>
    /// <remarks>
    /// Order on a board: the amplifier comes up after the source feeding it is stable (the codec
    /// On, its outputs still muted) and goes down before it; volume changes on an amplifier
    /// without zero-cross detection are instant, so make them while the source is muted and do the
    /// live, fine-grained volume on the codec. A bus failure (after bounded retries) leaves
    /// <see cref="Status"/> at <see cref="DriverStatus.BusFault"/>; nothing throws.
    /// </remarks>
    public interface IHeadphoneAmplifier
    {
        string Name { get; }

        /// <summary>The volume taper (range, steps). One volume for both channels where <see cref="StereoVolume"/> is false.</summary>
        GainScale Volume { get; }

        /// <summary>Each channel has its own volume (false for the TPA6130A2: one shared volume, per-channel mute).</summary>
        bool StereoVolume { get; }

        DriverStatus Status { get; }

        /// <summary>True once the enable sequence has run (outputs on, un-muted as wished).</summary>
        bool Enabled { get; }

        /// <summary>True while an enable or shutdown sequence runs.</summary>
        bool Busy { get; }

        /// <summary>Asks the chip who it is: Ok with its revision, WrongDevice, or BusFault.</summary>
        DriverStatus Probe(out int revision);

        /// <summary>Takes charge of the chip at its power-on state and leaves it shut down.</summary>
        DriverStatus Start(long nowMs);

        /// <summary>
        /// Takes charge of the chip whatever state it is in (an earlier run may have left it
        /// enabled: the ESP32 restarted under it) and leaves it shut down: a readable chip found
        /// enabled goes down through the shutdown sequence (mute first), over ticks
        /// (<see cref="Busy"/>); otherwise as <see cref="Start"/>. The mute is instant on an
        /// amplifier without zero-cross detection: call this once its source is silent (the
        /// codec feeding it taken charge of), as every shutdown wants.
        /// </summary>
        DriverStatus TakeCharge(long nowMs);

        /// <summary>Starts the enable (or shutdown) sequence; <see cref="Tick"/> runs it.</summary>
        DriverStatus SetEnabled(bool enabled, long nowMs);

        /// <summary>Advances a running sequence; call every control-loop tick.</summary>
        void Tick(long nowMs);

        /// <summary>Sets the volume (nearest step of the taper); returns what was set, in 0.01 dB.</summary>
        int SetVolume(int centiDb);

        /// <summary>Mutes channels (applied now while enabled; otherwise applied when the enable sequence ends).</summary>
        DriverStatus SetMuted(bool left, bool right);

        /// <summary>Puts channels in high-impedance output mode (their outputs float, e.g. to share a jack).</summary>
        DriverStatus SetHighImpedance(bool left, bool right);

        /// <summary>
        /// Whether a thermal shutdown happened since the last check (the chip's flag is cleared by
        /// reading), and whether it is still going on (the flag set again on a second read).
        /// </summary>
        DriverStatus CheckThermal(out bool occurred, out bool ongoing);

        /// <summary>Reads the chip back: true if it holds its reset values instead of the driver's.</summary>
        DriverStatus ProbeForReset(out bool wasReset);

        /// <summary>The chip lost its registers: writes the driver's back and re-runs the sequence to the wished state.</summary>
        DriverStatus Resync(long nowMs);
    }
}
