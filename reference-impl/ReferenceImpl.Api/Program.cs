using ReferenceImpl.Api.Hosting;

return await ReferenceService.RunAsync(args, Console.Error);
