namespace InterfaceFirmware.Emulator
{
    /// <summary>
    /// Faults injected at one address. Default: none. The bus consults it before the chip sees a
    /// transaction: an injected NACK means the chip never received the bytes.
    /// </summary>
    public sealed class I2cFaultPlan
    {
        /// <summary>Probability (0…1) that any transaction to the address is not acknowledged.</summary>
        public double NackProbability { get; set; }

        /// <summary>Start of a window (µs, inclusive) in which every transaction is NACKed.</summary>
        public long NackFromUs { get; set; }

        /// <summary>End of the NACK window (µs, exclusive); no window when not after <see cref="NackFromUs"/>.</summary>
        public long NackUntilUs { get; set; }

        /// <summary>The device does not answer at all (not fitted, wrong address).</summary>
        public bool Absent { get; set; }

        public bool InNackWindow(long nowUs)
        {
            return NackUntilUs > NackFromUs && nowUs >= NackFromUs && nowUs < NackUntilUs;
        }
    }
}
