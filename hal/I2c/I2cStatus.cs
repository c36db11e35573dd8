namespace InterfaceFirmware.Hal
{
    /// <summary>
    /// Outcome of one I2C transaction. A NACK is a status, never an exception: the drivers decide
    /// whether to retry, and after how many failures a chip counts as faulted.
    /// </summary>
    public enum I2cStatus
    {
        /// <summary>Every byte was acknowledged.</summary>
        Ok = 0,

        /// <summary>Nobody acknowledged the address (chip absent, powered down or in reset).</summary>
        AddressNotAcknowledged = 1,

        /// <summary>The address was acknowledged but a later byte was not (partial transfer).</summary>
        DataNotAcknowledged = 2,

        /// <summary>SCL was held low past the timeout: the bus is stuck.</summary>
        BusTimeout = 3,

        /// <summary>The controller reported an error it could not classify.</summary>
        UnknownError = 4,
    }
}
