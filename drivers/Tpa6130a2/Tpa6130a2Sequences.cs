namespace InterfaceFirmware.Drivers.Tpa6130a2
{
    /// <summary>
    /// The TPA6130A2 driver's sequences, as data, in the Linux order (sound/soc/codecs/tpa6130a2.c:
    /// power up, then the channel enables, un-mute last; mute first on the way down). Public so
    /// they can be read; the driver never changes them.
    /// </summary>
    public static class Tpa6130a2Sequences
    {
        /// <summary>Let the chip wake after the SD line rises before talking to it.</summary>
        public const int WakeMs = 5;

        /// <summary>The outputs drive about 5 ms after they are enabled (charge pump start-up); wait twice that before un-muting.</summary>
        public const int StartupMs = 10;

        /// <summary>Raises the SD line (if wired): the chip powers up at its reset values.</summary>
        public const int ReleaseShutdownLine = 1;

        /// <summary>Lowers the SD line (if wired): the chip loses power and its registers.</summary>
        public const int AssertShutdownLine = 2;

        /// <summary>Writes every register that differs from what the chip holds (a few per tick).</summary>
        public const int Flush = 3;

        /// <summary>Sets both mute bits.</summary>
        public const int MuteBoth = 4;

        /// <summary>Sets the mute bits as the caller wished.</summary>
        public const int ApplyMute = 5;

        /// <summary>Writes what differs, if the chip keeps its registers through the shutdown (no SD line).</summary>
        public const int FlushIfRetained = 6;

        /// <summary>Enable: wake, muted, registers, charge pump, channels, settle, un-mute last.</summary>
        public static readonly SequenceStep[] Enable =
        {
            SequenceStep.Do(ReleaseShutdownLine),
            SequenceStep.Wait(WakeMs),
            SequenceStep.Do(MuteBoth),
            SequenceStep.Do(Flush),
            SequenceStep.Update(Tpa6130a2Registers.Control, Tpa6130a2Registers.SoftwareShutdown, 0),
            SequenceStep.Update(Tpa6130a2Registers.Control, Tpa6130a2Registers.EnableBoth, Tpa6130a2Registers.EnableBoth),
            SequenceStep.Wait(StartupMs),
            SequenceStep.Do(ApplyMute),
        };

        /// <summary>Shutdown: mute first, channels off, software shutdown, then the SD line.</summary>
        public static readonly SequenceStep[] Shutdown =
        {
            SequenceStep.Do(FlushIfRetained),
            SequenceStep.Do(MuteBoth),
            SequenceStep.Update(Tpa6130a2Registers.Control, Tpa6130a2Registers.EnableBoth, 0),
            SequenceStep.Update(Tpa6130a2Registers.Control, Tpa6130a2Registers.SoftwareShutdown, Tpa6130a2Registers.SoftwareShutdown),
            SequenceStep.Do(AssertShutdownLine),
        };
    }
}
