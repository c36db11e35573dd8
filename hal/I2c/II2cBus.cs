namespace InterfaceFirmware.Hal
{
    /// <summary>
    /// One I2C bus. Addresses are 7-bit. Every call is one transaction (a repeated start for
    /// <see cref="WriteRead"/>) and returns its status; none of them throws for a bus error.
    /// Buffers are caller-owned so that steady-state traffic allocates nothing.
    /// </summary>
    public interface II2cBus
    {
        /// <summary>Writes <paramref name="count"/> bytes as one transaction.</summary>
        I2cStatus Write(int address, byte[] buffer, int offset, int count);

        /// <summary>Reads <paramref name="count"/> bytes as one transaction.</summary>
        I2cStatus Read(int address, byte[] buffer, int offset, int count);

        /// <summary>Writes, then reads after a repeated start (register-pointer reads).</summary>
        I2cStatus WriteRead(int address, byte[] writeBuffer, int writeOffset, int writeCount,
            byte[] readBuffer, int readOffset, int readCount);
    }
}
