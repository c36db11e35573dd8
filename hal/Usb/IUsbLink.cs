namespace InterfaceFirmware.Hal
{
    /// <summary>
    /// What the firmware can observe of the USB side. A class-compliant USB audio bridge streams
    /// audio between the computer and the codec over I2S; the ESP32 does not carry the audio, it
    /// watches the bridge's status and configures the codec to match.
    /// </summary>
    public interface IUsbLink
    {
        /// <summary>5 V is present on the USB connector (a computer, a charger or a power bank).</summary>
        bool VbusPresent { get; }

        /// <summary>A computer has enumerated and configured the device.</summary>
        bool HostConfigured { get; }

        /// <summary>The computer is sending audio to the device (playback interface active).</summary>
        bool PlaybackActive { get; }

        /// <summary>The computer is recording from the device (capture interface active).</summary>
        bool CaptureActive { get; }

        /// <summary>The sample rate of the current stream in Hz; 0 when no rate has been set.</summary>
        int SampleRate { get; }

        /// <summary>
        /// The bridge announces a clock change: the computer set a new rate, and the bridge keeps
        /// the old clocks for its notice time (300 ms on the reference board's bridge firmware)
        /// before it switches, so the codec can be muted and taken off its live outputs first.
        /// <see cref="SampleRate"/> is the rate of the clocks running now.
        /// </summary>
        bool ClockChangePending { get; }
    }
}
